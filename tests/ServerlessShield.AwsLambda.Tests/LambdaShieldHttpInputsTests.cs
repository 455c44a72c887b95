using System.Text.Json.Nodes;
using ServerlessShield.AwsLambda.Tests.Support;

namespace ServerlessShield.AwsLambda.Tests;

// HTTP inputs besides the body and query values, as the Azure adapter has them: selected headers, cookies (the Cookie
// header and HTTP API 2.0's cookies array) and path parameters, with the real detectors. The *-browser fixtures are
// requests as a browser behind CloudFront, API Gateway, an ALB or VPC Lattice sends them.
public sealed class LambdaShieldHttpInputsTests
{
    private const string Jndi = "${jndi:ldap://x/a}";
    private const string SqlInjection = "' OR '1'='1";
    private const string Script = "<script>alert(1)</script>";

    [Theory]
    [InlineData("apigw-rest-browser", "User-Agent")]
    [InlineData("apigw-http-browser", "user-agent")]
    [InlineData("alb-browser", "user-agent")]
    [InlineData("vpc-lattice-browser", "user-agent")]
    public async Task UserAgent_JndiLookup_IsBlockedAndNamesTheHeader(string fixture, string header)
    {
        var run = await InvokeAsync(WithHeader(fixture, header, "Mozilla/5.0 " + Jndi));

        run.AssertBlockedBy(ShieldRules.JndiLookup, "headers." + header);
    }

    [Theory]
    [InlineData("apigw-rest-browser", "X-Request-Id", SqlInjection, "sql-injection")]
    [InlineData("apigw-http-browser", "x-client-version", Script, "cross-site-scripting")]
    [InlineData("alb-browser", "x-tenant", SqlInjection, "sql-injection")]
    [InlineData("vpc-lattice-browser", "x-correlation-note", Script, "cross-site-scripting")]
    public async Task CustomXHeader_Injection_IsBlockedAndNamesTheHeader(string fixture, string header, string value, string rule)
    {
        var run = await InvokeAsync(WithHeader(fixture, header, value));

        Assert.True(ShieldRuleCatalog.TryGet(rule, out var expected));
        run.AssertBlockedBy(expected!, "headers." + header);
    }

    [Theory]
    [InlineData("apigw-rest-browser", "Cookie")]
    [InlineData("alb-browser", "cookie")]
    [InlineData("vpc-lattice-browser", "cookie")]
    public async Task CookieHeader_InjectionInOneCookie_IsBlockedAndNamesTheCookie(string fixture, string header)
    {
        var cookies = Fixtures.Node(fixture)["headers"]![header]!;
        var existing = cookies is JsonArray array ? array[0]!.GetValue<string>() : cookies.GetValue<string>();

        var run = await InvokeAsync(WithHeader(fixture, header, existing + "; pref=" + SqlInjection));

        run.AssertBlockedBy(ShieldRules.SqlInjection, "cookies.pref");
    }

    [Fact]
    public async Task HttpApiV2CookiesArray_InjectionInOneCookie_IsBlockedAndNamesTheCookie()
    {
        var run = await InvokeAsync(Fixtures.With("apigw-http-browser", e => e["cookies"]!.AsArray().Add("layout=" + Script)));

        run.AssertBlockedBy(ShieldRules.CrossSiteScripting, "cookies.layout");
    }

    [Fact]
    public async Task RestPathParameter_SqlInjection_IsBlockedAndNamesTheRouteParameter()
    {
        var run = await InvokeAsync(Fixtures.With("apigw-rest-browser",
            e => e["pathParameters"]!["productId"] = "sku-1042' UNION SELECT card_number FROM payments --"));

        run.AssertBlockedBy(ShieldRules.SqlInjection, "route.productId");
    }

    [Fact]
    public async Task HttpApiV2PathParameter_Traversal_IsBlockedAndNamesTheRouteParameter()
    {
        var run = await InvokeAsync(Fixtures.With("apigw-http-browser", e => e["pathParameters"]!["accountId"] = "../../../etc/passwd"));

        run.AssertBlockedBy(ShieldRules.PathTraversal, "route.accountId");
    }

    // Behind an ALB, a Function URL, VPC Lattice or an HTTP API $default route, the function routes by the raw path
    // itself: every segment is the caller's. The path is percent-encoded as sent; the detectors read it decoded.
    [Theory]
    [InlineData("alb-browser", "path", "/help/..%2f..%2f..%2fetc%2fpasswd", "path-traversal")]
    [InlineData("function-url", "rawPath", "/my/path/1%27%20UNION%20SELECT%20password%20FROM%20users--", "sql-injection")]
    [InlineData("function-url", "rawPath", "/orders/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "cross-site-scripting")]
    [InlineData("vpc-lattice-browser", "path", "/inventory/$%7Bjndi:ldap://x.example/a%7D", "jndi-lookup")]
    [InlineData("alb-browser", "path", "//169.254.169.254/latest/meta-data/iam/security-credentials/", "server-side-request-forgery")]
    public async Task RequestPathWithoutRouteParameters_Attack_IsBlockedAndNamesThePath(string fixture, string field, string path, string rule)
    {
        var run = await InvokeAsync(Fixtures.With(fixture, e => e[field] = path));

        Assert.True(ShieldRuleCatalog.TryGet(rule, out var expected));
        run.AssertBlockedBy(expected!, "path");
    }

    // API Gateway matched the path against a route: on a static one (POST /orders, resource /orders) the path is the
    // API's, not the caller's; a $default route takes any path, which is then the caller's.
    [Theory]
    [InlineData("apigw-http", "routeKey", "POST /orders", false)]
    [InlineData("apigw-http", "routeKey", "$default", true)]
    [InlineData("apigw-rest", "resource", "/orders", false)]
    [InlineData("apigw-rest", "requestContext.routeKey", "$default", true)]
    public async Task RequestPathOfAStaticOrDefaultRoute_IsAnInputOnlyForDefault(string fixture, string routeField, string route, bool inspected)
    {
        var bytes = Fixtures.With(fixture, e =>
        {
            // An HTTP API $default route sending payload 1.0 names itself in requestContext; its resource is the path.
            if (routeField.StartsWith("requestContext.", StringComparison.Ordinal))
            {
                e["requestContext"]![routeField["requestContext.".Length..]] = route;
                e["resource"] = "/orders/%3Cscript%3Ealert(1)%3C%2Fscript%3E";
            }
            else
            {
                e[routeField] = route;
            }

            e["pathParameters"] = null;
            e[fixture == "apigw-http" ? "rawPath" : "path"] = "/orders/%3Cscript%3Ealert(1)%3C%2Fscript%3E";
        });

        var run = await InvokeAsync(bytes);

        Assert.Equal(inspected, run.Inputs.Any(i => i.Path == "path"));
        if (inspected)
        {
            run.AssertBlockedBy(ShieldRules.CrossSiteScripting, "path");
        }
        else
        {
            run.AssertAllowed();
        }
    }

    // With path parameters, API Gateway routed by a template: the caller's part of the path is the parameters, which
    // are inspected instead, so the same text is not read twice.
    [Fact]
    public async Task RequestPathWithRouteParameters_IsNotASecondInput()
    {
        var run = await InvokeAsync(Fixtures.With("apigw-rest-browser", e => e["pathParameters"]!["productId"] = "../../../etc/passwd"));

        run.AssertBlockedBy(ShieldRules.PathTraversal, "route.productId");
        Assert.DoesNotContain(run.Inputs, i => i.Path == "path");
    }

    // An app whose routes look like commands (/bin/list) keeps the path an input and skips its inspection by field.
    [Fact]
    public async Task RequestPathSkippedByFieldSetting_IsNotJudged()
    {
        var bytes = Fixtures.With("alb-browser", e => e["path"] = "/bin/list");
        var options = new LambdaShieldOptions();
        options.Shield.Fields["path"] = new FieldShieldOptions { Skip = true };

        var flagged = await InvokeAsync(bytes);
        var skipped = await InvokeAsync(bytes, options);

        flagged.AssertBlockedBy(ShieldRules.CommandInjection, "path");
        skipped.AssertAllowed();
    }

    [Fact]
    public async Task RequestPathSwitchedOff_IsNotInspected()
    {
        var bytes = Fixtures.With("alb-browser", e => e["path"] = "/help/..%2f..%2f..%2fetc%2fpasswd");

        var run = await InvokeAsync(bytes, new LambdaShieldOptions { InspectPath = false });

        run.AssertAllowed();
        Assert.DoesNotContain(run.Inputs, i => i.Path == "path");
    }

    [Theory]
    [InlineData("apigw-rest-browser", "Authorization")]
    [InlineData("apigw-http-browser", "authorization")]
    [InlineData("apigw-rest-browser", "X-Api-Key")]
    [InlineData("apigw-rest-browser", "X-Amz-Security-Token")]
    [InlineData("alb-browser", "x-auth-request-token")]
    public async Task Credential_HoldingAnAttack_IsNeverInspectedNorLogged(string fixture, string header)
    {
        var attack = "Bearer " + Jndi + SqlInjection + Script;

        var run = await InvokeAsync(WithHeader(fixture, header, attack));

        run.AssertAllowed();
        Assert.DoesNotContain(run.Inputs, i => i.Path.Contains(header, StringComparison.OrdinalIgnoreCase));
        run.AssertLogsNeverMention(header, attack);
    }

    [Fact]
    public async Task Credential_ListedOnPurpose_IsStillNotInspected()
    {
        var options = new LambdaShieldOptions();
        options.InspectedHeaders.Add("Authorization");

        var run = await InvokeAsync(WithHeader("apigw-rest-browser", "Authorization", "Bearer " + Jndi), options);

        run.AssertAllowed();
        run.AssertLogsNeverMention("Authorization", Jndi);
    }

    [Theory]
    [InlineData("apigw-rest-browser", "X-Amzn-Trace-Id")]
    [InlineData("apigw-rest-browser", "X-Forwarded-Proto")]
    [InlineData("apigw-rest-browser", "X-Forwarded-Port")]
    [InlineData("apigw-rest-browser", "X-Amz-Cf-Id")]
    [InlineData("apigw-rest-browser", "CloudFront-Viewer-Country")]
    [InlineData("apigw-rest-browser", "Accept")]
    [InlineData("apigw-http-browser", "x-amzn-trace-id")]
    [InlineData("alb-browser", "x-forwarded-proto")]
    [InlineData("vpc-lattice-browser", "x-amzn-lattice-target")]
    public async Task PlatformAndOrdinaryHeaders_AreNotInspected(string fixture, string header)
    {
        var run = await InvokeAsync(WithHeader(fixture, header, Jndi + SqlInjection + Script));

        run.AssertAllowed();
        Assert.DoesNotContain(run.Inputs, i => string.Equals(i.Path, "headers." + header, StringComparison.OrdinalIgnoreCase));
    }

    // The name is the client's: it reaches field paths, so log lines and security events, cut down to 64 printable
    // ASCII characters and an ellipsis, as JSON keys are.
    [Theory]
    [InlineData("apigw-http-browser")]
    [InlineData("apigw-rest-browser")]
    public async Task QueryName_WithLineBreaksAnd200Characters_ReachesFieldPathsAsShortPrintableAscii(string fixture)
    {
        var name = "evil\r\nForged: log line " + new string('n', 200 - 23);
        Assert.Equal(200, name.Length);
        var bytes = Fixtures.With(fixture, e =>
        {
            e["rawQueryString"] = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(SqlInjection);
            e["queryStringParameters"] = new JsonObject { [name] = SqlInjection };
        });

        var run = await InvokeAsync(bytes);

        var finding = run.AssertBlockedBy(ShieldRules.SqlInjection, "query.evil??Forged: log line " + new string('n', 41) + "…");
        var segment = finding.FieldPath["query.".Length..^1];
        Assert.Equal(64, segment.Length);
        Assert.All(segment, c => Assert.InRange(c, ' ', '~'));
        Assert.All(run.Function.Logs.GetSnapshot(), r => Assert.DoesNotContain("\r\nForged", r.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HeaderCookieRouteOrPathToSanitize_BlocksTheRequestInstead()
    {
        var options = MarkerDetector.Options(new MarkerDetector("<evil>", ShieldRules.CrossSiteScripting));
        options.Shield.Rules["cross-site-scripting"] = RuleMode.Sanitize;

        foreach (var bytes in new[]
        {
            WithHeader("apigw-rest-browser", "Referer", "https://a.example/<evil>"),
            Fixtures.With("apigw-http-browser", e => e["cookies"]!.AsArray().Add("layout=<evil>")),
            Fixtures.With("apigw-rest-browser", e => e["pathParameters"]!["shopId"] = "<evil>"),
            Fixtures.With("alb-browser", e => e["path"] = "/help/<evil>"),
        })
        {
            var run = await InvokeAsync(bytes, options);

            Assert.Empty(run.Function.Received);
            Assert.Equal(400, run.Response.GetProperty("statusCode").GetInt32());
            Assert.Contains(run.Findings, f => f.Action == FindingAction.Blocked);
        }
    }

    [Fact]
    public async Task CustomHeadersAndCookiesSwitchedOff_AreNotInspected_ListedHeadersStillAre()
    {
        var options = new LambdaShieldOptions { InspectCustomHeaders = false, InspectCookies = false };
        options.InspectedHeaders.Add("Accept-Language");
        var bytes = Fixtures.With("apigw-http-browser", e =>
        {
            e["headers"]!["x-client-version"] = Script;
            e["cookies"]!.AsArray().Add("layout=" + Script);
        });

        var allowed = await InvokeAsync(bytes, options);
        var blocked = await InvokeAsync(WithHeader("apigw-http-browser", "accept-language", Script), options);

        allowed.AssertAllowed();
        Assert.DoesNotContain(allowed.Inputs, i => i.Path.StartsWith("cookies.", StringComparison.Ordinal) || i.Path == "headers.x-client-version");
        blocked.AssertBlockedBy(ShieldRules.CrossSiteScripting, "headers.accept-language");
    }

    // False-positive guard: what browsers, CDNs and load balancers really send (user agents, Accept lists with */*,
    // session and analytics cookies, forwarding chains) passes, and the inputs prove it was looked at.
    [Theory]
    [InlineData("apigw-rest-browser",
        "query.colour query.size query.utm_source route.shopId route.productId cookies.session cookies._ga cookies._gid cookies.theme cookies.cart headers.Referer headers.User-Agent headers.X-Forwarded-For headers.X-Request-Id")]
    [InlineData("apigw-http-browser",
        "body query.draft query.ref route.accountId headers.origin headers.referer headers.user-agent headers.x-client-version headers.x-forwarded-for headers.x-requested-with cookies.session cookies.csrftoken cookies._ga cookies.locale")]
    [InlineData("alb-browser",
        "body path query.topic query.lang cookies.AWSALB cookies.AWSALBCORS cookies.sid cookies.consent headers.referer headers.user-agent headers.x-forwarded-for")]
    [InlineData("vpc-lattice-browser",
        "body path query.warehouse query.in-stock headers.user-agent cookies.sid cookies.pref headers.x-forwarded-for")]
    [InlineData("apigw-rest", "body query.expand query.tag query.tag route.id headers.X-Forwarded-For")]
    [InlineData("apigw-http", "body query.tag query.tag query.q headers.user-agent cookies.session cookies.theme")]
    public async Task CleanBrowserRequest_HasNoFindingsAndReachesTheHandlerUntouched(string fixture, string expectedInputs)
    {
        var bytes = Fixtures.Bytes(fixture);

        var run = await InvokeAsync(bytes);

        run.AssertAllowed();
        Assert.Equal(System.Text.Encoding.UTF8.GetString(bytes), Assert.Single(run.Function.Received));
        Assert.Equal(expectedInputs.Split(' '), run.Inputs.Select(i => i.Path));
        Assert.All(run.Inputs, i => Assert.Equal(i.Path != "body", i.IsMetadata));
    }

    private static byte[] WithHeader(string fixture, string header, string value) => Fixtures.With(fixture, e =>
    {
        var headers = e["headers"]!.AsObject();
        // VPC Lattice v2 sends each header as an array of values.
        headers[header] = headers.Any(h => h.Value is JsonArray) ? new JsonArray(value) : value;
    });

    // A Slack slash command posts a form: each field is inspected under its own name.
    [Fact]
    public async Task FormPost_AttackInAField_IsReportedAtTheField()
    {
        var run = await InvokeAsync(FormPost("command=%2Fweather&text=94070%3Bcat+%2Fetc%2Fpasswd&user_name=Steve"));

        run.AssertBlockedBy(ShieldRules.CommandInjection, "body.text");
    }

    [Fact]
    public async Task FormPost_Clean_ReachesTheHandler()
    {
        var function = new ShieldedFunction();

        await function.InvokeAsync(FormPost("command=%2Fweather&text=94070&user_name=Steve"));

        Assert.Single(function.Received);
    }

    // An analytics SDK posts a gzip-compressed JSON batch; API Gateway hands it over base64-encoded, still compressed.
    [Fact]
    public async Task GzipEncodedJsonBody_IsInspectedInflated()
    {
        static byte[] Gzipped(string json)
        {
            using var output = new MemoryStream();
            using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
            {
                gzip.Write(System.Text.Encoding.UTF8.GetBytes(json));
            }

            return Fixtures.With("apigw-rest", e =>
            {
                e["headers"]!["Content-Encoding"] = "gzip";
                e["multiValueHeaders"]!["Content-Encoding"] = new JsonArray("gzip");
                e["body"] = Convert.ToBase64String(output.ToArray());
                e["isBase64Encoded"] = true;
            });
        }

        var clean = new ShieldedFunction();
        await clean.InvokeAsync(Gzipped("{\"batch\":[{\"event\":\"page_view\",\"url\":\"/pricing\"}]}"));
        var run = await InvokeAsync(Gzipped("{\"batch\":[{\"event\":\"search\",\"q\":\"<script>alert(document.cookie)</script>\"}]}"));

        Assert.Single(clean.Received);
        run.AssertBlockedBy(ShieldRules.CrossSiteScripting, "body.batch[0].q");
    }

    private static byte[] FormPost(string body) => Fixtures.With("apigw-rest", e =>
    {
        e["headers"]!["Content-Type"] = "application/x-www-form-urlencoded";
        e["multiValueHeaders"]!["Content-Type"] = new JsonArray("application/x-www-form-urlencoded");
        e["body"] = body;
    });

    private static async Task<Run> InvokeAsync(byte[] eventBytes, LambdaShieldOptions? options = null)
    {
        options ??= new LambdaShieldOptions();
        var seen = new List<(IReadOnlyList<ShieldFinding>, IReadOnlyList<ShieldInput>)>();
        var configure = options.ConfigurePipeline;
        options.ConfigurePipeline = pipeline =>
        {
            configure?.Invoke(pipeline);
            pipeline.Insert(0, new OutermostCapture(seen));
        };
        var function = new ShieldedFunction(options: options);
        var response = Fixtures.Parse(await function.InvokeAsync(eventBytes));
        var (findings, inputs) = Assert.Single(seen);
        return new Run(findings, inputs, response, function);
    }

    // Outermost, so it sees the findings and inputs whether or not inspection let the invocation through.
    private sealed class OutermostCapture(List<(IReadOnlyList<ShieldFinding>, IReadOnlyList<ShieldInput>)> into) : IShieldMiddleware
    {
        public async ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next)
        {
            try
            {
                await next(context);
            }
            finally
            {
                into.Add(([.. context.Findings], [.. context.Inputs]));
            }
        }
    }

    private sealed record Run(IReadOnlyList<ShieldFinding> Findings, IReadOnlyList<ShieldInput> Inputs, System.Text.Json.JsonElement Response, ShieldedFunction Function)
    {
        public ShieldFinding AssertBlockedBy(ShieldRule rule, string fieldPath)
        {
            Assert.Empty(Function.Received);
            Assert.Equal(400, Response.GetProperty("statusCode").GetInt32());
            // A payload may trip more than one detector; every finding names the one field.
            Assert.All(Findings, f => Assert.Equal(fieldPath, f.FieldPath));
            return Assert.Single(Findings, f => f.Rule == rule);
        }

        public void AssertAllowed()
        {
            Assert.Empty(Findings);
            Assert.Single(Function.Received);
        }

        public void AssertLogsNeverMention(string header, string value)
        {
            foreach (var record in Function.Logs.GetSnapshot())
            {
                var text = record.Message + " " + string.Join(" ", record.StructuredState?.Select(s => s.Value) ?? []);
                Assert.DoesNotContain(value, text, StringComparison.Ordinal);
                Assert.DoesNotContain("headers." + header, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
