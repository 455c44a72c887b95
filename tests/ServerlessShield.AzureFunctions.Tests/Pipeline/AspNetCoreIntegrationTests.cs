using System.Net;
using System.Text.Json;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>The ASP.NET Core integration model: the function reads the live, forward-only HttpContext.Request.Body.</summary>
public sealed class AspNetCoreIntegrationTests(AspNetCoreWorkerFixture worker) : IClassFixture<AspNetCoreWorkerFixture>
{
    [Fact]
    public async Task AllowedRequest_TheFunctionStillReadsTheWholeBody()
    {
        var (http, invocation) = await worker.InvokeAsync("AspNetEcho", "hello");

        Assert.Equal(Status.Success, invocation.Result.Status);
        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        Assert.Equal("echo:hello", await http.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OversizeBody_Returns413ProblemToTheClient()
    {
        var (http, invocation) = await worker.InvokeAsync("AspNetEcho", new string('x', 65));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, http.StatusCode);
        Assert.Equal("application/problem+json", http.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await http.Content.ReadAsStringAsync());
        Assert.Equal(invocation.InvocationId, problem.RootElement.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task ExceptionWithSecret_Returns500WithoutTheSecret()
    {
        var (http, invocation) = await worker.InvokeAsync("AspNetBoom", "hello");

        Assert.Equal(Status.Success, invocation.Result.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, http.StatusCode);
        Assert.DoesNotContain("Hunter2", await http.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExceptionAfterTheResponseStarted_FailsRedactedInsteadOfRewritingIt()
    {
        var (http, invocation) = await worker.InvokeAsync("AspNetStartedThenBoom", "hello");

        Assert.Equal(Status.Failure, invocation.Result.Status);
        Assert.Contains("SHIELD3001", invocation.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", invocation.Result.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", await http.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MultiOutput_AllowedRequest_ReturnsItsHttpResult()
    {
        var (http, invocation) = await worker.InvokeAsync("AspNetMultiOutput", "hello");

        Assert.Equal(Status.Success, invocation.Result.Status);
        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        Assert.Equal("multi:hello", await http.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MultiOutput_OversizeBody_Returns413ProblemThroughTheHttpBinding()
    {
        var (http, invocation) = await worker.InvokeAsync("AspNetMultiOutput", new string('x', 65));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, http.StatusCode);
        using var problem = JsonDocument.Parse(await http.Content.ReadAsStringAsync());
        Assert.Equal(invocation.InvocationId, problem.RootElement.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task MultiOutput_ExceptionWithSecret_Returns500WithoutTheSecret()
    {
        var (http, invocation) = await worker.InvokeAsync("AspNetMultiOutput", "fail");

        Assert.Equal(Status.Success, invocation.Result.Status);
        Assert.Equal(HttpStatusCode.InternalServerError, http.StatusCode);
        Assert.DoesNotContain("Hunter2", await http.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpRequestDataFunction_AllowedRequest_StillReadsTheWholeBody()
    {
        var body = Guid.NewGuid().ToString("N");

        var (http, invocation) = await worker.InvokeAsync("Echo", body);

        Assert.Equal(Status.Success, invocation.Result.Status);
        Assert.Equal("echo:" + body, await http.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BodyAtTheLimit_IsAllowedAndReadWhole()
    {
        var body = new string('y', 64);

        var (http, _) = await worker.InvokeAsync("AspNetEcho", body);

        Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        Assert.Equal("echo:" + body, await http.Content.ReadAsStringAsync());
    }
}
