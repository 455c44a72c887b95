namespace ServerlessShield.Tests.Http;

public sealed class HttpRequestInputsTests
{
    [Theory]
    [InlineData("Authorization")]
    [InlineData("proxy-authorization")]
    [InlineData("X-Functions-Key")]
    [InlineData("X-Api-Key")]
    [InlineData("Ocp-Apim-Subscription-Key")]
    [InlineData("X-Refresh-Token")]
    [InlineData("X-Client-Secret")]
    [InlineData("X-Hub-Signature-256")]
    [InlineData("X-Amz-Security-Token")]
    public void IsCredential_SecretBearingHeaders_AreNeverInputs(string name) =>
        Assert.True(HttpHeaderSelection.IsCredential(name));

    [Theory]
    [InlineData("X-Tenant", true)]
    [InlineData("x-forwarded-for", true)]
    [InlineData("X-Forwarded-Host", true)]
    [InlineData("X-MS-Client-Principal", false)]
    [InlineData("X-ARR-LOG-ID", false)]
    [InlineData("X-Amzn-Trace-Id", false)]
    [InlineData("x-amzn-lattice-identity", false)]
    [InlineData("X-Amz-Cf-Id", false)]
    [InlineData("X-Forwarded-Proto", false)]
    [InlineData("x-forwarded-port", false)]
    [InlineData("CloudFront-Viewer-Country", false)]
    [InlineData("Accept", false)]
    public void IsCustom_OnlyTheClientsOwnXHeaders(string name, bool expected) =>
        Assert.Equal(expected, HttpHeaderSelection.IsCustom(name));

    [Fact]
    public void Add_QueryRouteSelectedHeadersAndCookies_BecomeTextInputs_CredentialsDoNot()
    {
        var inputs = Add(new HttpInputOptions(), new HttpRequestParts
        {
            Query = [new("q", "book"), new("q", "")],
            RouteValues = [new("id", "42"), new("rest", "")],
            Headers =
            [
                new("User-Agent", "curl/8"),
                new("Authorization", "Bearer abc"),
                new("Cookie", "a=1; b = two ; flag"),
                new("X-Tenant", "t1"),
                new("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793"),
                new("Accept", "*/*"),
                new("Referer", ""),
            ],
        });

        Assert.Equal(["query.q", "query.q", "route.id", "headers.User-Agent", "cookies.a", "cookies.b", "cookies.", "headers.X-Tenant"], inputs.Select(i => i.Path));
        Assert.All(inputs, i => Assert.Equal(InputFormat.Text, i.Format));
        Assert.All(inputs, i => Assert.True(i.IsMetadata));
        Assert.Equal("two", System.Text.Encoding.UTF8.GetString(inputs[5].Data.Span));
    }

    [Theory]
    [InlineData("/help/articles", false, true, "path")]
    [InlineData("/help/articles", true, true, "")]
    [InlineData("/", false, true, "")]
    [InlineData("//", false, true, "")]
    [InlineData("", false, true, "")]
    [InlineData("/help/articles", false, false, "")]
    public void Add_Path_IsAnInputOnlyWithoutRouteValues(string path, bool routed, bool inspectPath, string expected)
    {
        var inputs = Add(new HttpInputOptions { InspectPath = inspectPath }, new HttpRequestParts
        {
            Path = path,
            RouteValues = routed ? [new("id", "42")] : [],
        });
        var staticRoute = Add(new HttpInputOptions { InspectPath = inspectPath }, new HttpRequestParts { Path = path, IsRouted = true });

        Assert.Empty(staticRoute);

        Assert.Equal(expected, string.Join(' ', inputs.Where(i => !i.Path.StartsWith("route.", StringComparison.Ordinal)).Select(i => i.Path)));
        Assert.All(inputs, i => Assert.Equal(InputFormat.Text, i.Format));
    }

    [Fact]
    public void Add_CredentialListedOnPurpose_IsStillNotAnInput()
    {
        var options = new HttpInputOptions();
        options.InspectedHeaders.Add("Authorization");
        options.InspectedHeaders.Add("X-Amzn-Trace-Id");

        var inputs = Add(options, new HttpRequestParts { Headers = [new("authorization", "Bearer ' OR 1=1"), new("X-Amzn-Trace-Id", "Root=1")] });

        // A platform header the user lists is their choice; a credential never is.
        Assert.Equal(["headers.X-Amzn-Trace-Id"], inputs.Select(i => i.Path));
    }

    [Fact]
    public void Add_CustomHeadersAndCookiesSwitchedOff_OnlyTheListedHeaders()
    {
        var options = new HttpInputOptions { InspectCustomHeaders = false, InspectCookies = false };

        var inputs = Add(options, new HttpRequestParts { Headers = [new("Cookie", "a=1"), new("X-Tenant", "t1"), new("Referer", "https://a.example/")] });

        Assert.Equal(["headers.Referer"], inputs.Select(i => i.Path));
    }

    [Fact]
    public void Add_OptionsChangedAfterwards_DoNotApply()
    {
        var options = new HttpInputOptions();
        var reader = new HttpRequestInputs(options);
        options.InspectedHeaders.Clear();
        options.InspectCookies = false;

        var inputs = Add(reader, new HttpRequestParts { Headers = [new("User-Agent", "curl/8"), new("Cookie", "a=1")] });

        Assert.Equal(["headers.User-Agent", "cookies.a"], inputs.Select(i => i.Path));
    }

    [Fact]
    public void Add_ClientChosenNames_ArePrintableAsciiAndCutAt64Characters()
    {
        var name = "evil\r\nForged: log line " + new string('n', 200);

        var inputs = Add(new HttpInputOptions(), new HttpRequestParts
        {
            Query = [new(name, "1")],
            Headers = [new("Cookie", name + "=2"), new("X-" + name, "3")],
        });

        Assert.Equal(
            ["query.evil??Forged: log line " + new string('n', 41) + "…", "cookies.evil??Forged: log line " + new string('n', 41) + "…", "headers.X-evil??Forged: log line " + new string('n', 39) + "…"],
            inputs.Select(i => i.Path));
    }

    [Theory]
    [InlineData("short", "query.short")]
    [InlineData("caf\u00e9", "query.caf?")]
    [InlineData("", "query.")]
    public void FieldPathSegment_RendersNamesSafely(string name, string expected) =>
        Assert.Equal(expected, FieldPathSegment.Of(HttpRequestInputs.QueryPathPrefix, name));

    private static List<ShieldInput> Add(HttpInputOptions options, HttpRequestParts request) => Add(new HttpRequestInputs(options), request);

    private static List<ShieldInput> Add(HttpRequestInputs reader, HttpRequestParts request)
    {
        var engine = ShieldEngine.Create();
        var context = engine.Rent(engine.Policies.GetPolicy("f"));
        try
        {
            reader.Add(context, request);
            return [.. context.Inputs];
        }
        finally
        {
            engine.Return(context);
        }
    }
}
