namespace ServerlessShield.AzureFunctions.Tests.Http;

public sealed class HttpHeaderInputsTests
{
    [Theory]
    [InlineData("Authorization")]
    [InlineData("proxy-authorization")]
    [InlineData("X-Functions-Key")]
    [InlineData("Ocp-Apim-Subscription-Key")]
    [InlineData("X-Refresh-Token")]
    [InlineData("X-Client-Secret")]
    [InlineData("X-Hub-Signature-256")]
    public void IsCredential_SecretBearingHeaders_AreNeverInputs(string name) =>
        Assert.True(HttpHeaderInputs.IsCredential(name));

    [Theory]
    [InlineData("X-Tenant", true)]
    [InlineData("x-forwarded-for", true)]
    [InlineData("X-MS-Client-Principal", false)]
    [InlineData("X-ARR-LOG-ID", false)]
    [InlineData("Accept", false)]
    public void IsCustom_OnlyClientXHeaders(string name, bool expected) =>
        Assert.Equal(expected, HttpHeaderInputs.IsCustom(name));

    [Fact]
    public void Add_SelectedHeadersAndCookies_BecomeTextInputs_CredentialsDoNot()
    {
        var engine = ShieldEngine.Create();
        var context = engine.Rent(engine.Policies.GetPolicy("f"));
        try
        {
            HttpHeaderInputs.Add(context,
            [
                new("User-Agent", "curl/8"),
                new("Authorization", "Bearer abc"),
                new("Cookie", "a=1; b = two ; flag"),
                new("X-Tenant", "t1"),
                new("Accept", "*/*"),
            ], new AzureFunctionsShieldOptions());

            Assert.Equal(["headers.User-Agent", "cookies.a", "cookies.b", "cookies.", "headers.X-Tenant"], context.Inputs.Select(i => i.Path));
            Assert.All(context.Inputs, i => Assert.Equal(InputFormat.Text, i.Format));
        }
        finally
        {
            engine.Return(context);
        }
    }

    [Fact]
    public void Add_CustomHeadersAndCookiesSwitchedOff_OnlyTheListedHeaders()
    {
        var engine = ShieldEngine.Create();
        var context = engine.Rent(engine.Policies.GetPolicy("f"));
        try
        {
            var options = new AzureFunctionsShieldOptions { InspectCustomHeaders = false, InspectCookies = false };
            HttpHeaderInputs.Add(context, [new("Cookie", "a=1"), new("X-Tenant", "t1"), new("Referer", "https://a.example/")], options);

            Assert.Equal(["headers.Referer"], context.Inputs.Select(i => i.Path));
        }
        finally
        {
            engine.Return(context);
        }
    }
}
