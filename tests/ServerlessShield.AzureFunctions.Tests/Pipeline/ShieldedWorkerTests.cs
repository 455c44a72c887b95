using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Pipeline;

/// <summary>
/// The test app driven through the real worker pipeline by a fake Functions host. Run once per startup style
/// (see the derived classes), which proves the one-line registration works in both.
/// </summary>
public abstract class ShieldedWorkerTests<TFixture>(TFixture worker)
    where TFixture : WorkerFixture
{
    private const string ProblemJson = "application/problem+json";

    protected TFixture Worker { get; } = worker;

    [Fact]
    public async Task Http_AllowedRequest_ReturnsTheFunctionsResponse()
    {
        var response = await Worker.InvokeHttpAsync("Echo", "hello");

        Assert.Equal(Status.Success, response.Result.Status);
        var http = HttpResult.FromReturnValue(response);
        Assert.Equal(200, http.StatusCode);
        Assert.Equal("echo:hello", http.Body);
    }

    [Fact]
    public async Task Http_OversizeBody_Returns413ProblemWithCorrelationId()
    {
        var response = await Worker.InvokeHttpAsync("Echo", new string('x', 65));

        Assert.Equal(Status.Success, response.Result.Status);
        var http = HttpResult.FromReturnValue(response);
        Assert.Equal(413, http.StatusCode);
        Assert.StartsWith(ProblemJson, http.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(response.InvocationId, http.ProblemCorrelationId());
        Assert.Equal(response.InvocationId, http.Headers["X-Correlation-Id"]);
        Assert.DoesNotContain("echo:", http.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_BodyAtTheLimit_IsAllowed()
    {
        var body = new string('x', 64);

        var http = HttpResult.FromReturnValue(await Worker.InvokeHttpAsync("Echo", body));

        Assert.Equal(200, http.StatusCode);
        Assert.Equal("echo:" + body, http.Body);
    }

    [Fact]
    public async Task Http_InvalidJsonDeclaredAsJson_Returns400Problem()
    {
        var http = HttpResult.FromReturnValue(await Worker.InvokeHttpAsync("Echo", "{\"a\":", "application/json; charset=utf-8"));

        Assert.Equal(400, http.StatusCode);
        Assert.StartsWith(ProblemJson, http.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_OversizeQueryValue_Returns413Problem()
    {
        var http = HttpResult.FromReturnValue(await Worker.InvokeHttpAsync("Echo", "hi", query: "?q=" + new string('q', 65)));

        Assert.Equal(413, http.StatusCode);
    }

    [Fact]
    public async Task Http_ExceptionWithSecret_ReturnsGeneric500WithoutTheSecret()
    {
        var response = await Worker.InvokeHttpAsync("Boom", "hello");

        Assert.Equal(Status.Success, response.Result.Status);
        var http = HttpResult.FromReturnValue(response);
        Assert.Equal(500, http.StatusCode);
        Assert.StartsWith(ProblemJson, http.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal(response.InvocationId, http.ProblemCorrelationId());
        Assert.DoesNotContain("Hunter2", http.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", http.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_MultiOutputObject_AllowedRequest_ReturnsItsHttpResult()
    {
        var response = await Worker.InvokeHttpAsync("MultiOutput", "hello");

        var http = HttpResult.FromOutputBinding(response, "Http");
        Assert.Equal(200, http.StatusCode);
        Assert.Equal("multi:hello", http.Body);
    }

    [Fact]
    public async Task Http_MultiOutputObject_OversizeBody_Writes413ToTheHttpBinding()
    {
        var response = await Worker.InvokeHttpAsync("MultiOutput", new string('x', 65));

        Assert.Equal(Status.Success, response.Result.Status);
        var http = HttpResult.FromOutputBinding(response, "Http");
        Assert.Equal(413, http.StatusCode);
        Assert.Equal(response.InvocationId, http.ProblemCorrelationId());
    }

    [Fact]
    public async Task Http_MultiOutputObject_Exception_Writes500ToTheHttpBinding()
    {
        var response = await Worker.InvokeHttpAsync("MultiOutput", "fail");

        Assert.Equal(Status.Success, response.Result.Status);
        var http = HttpResult.FromOutputBinding(response, "Http");
        Assert.Equal(500, http.StatusCode);
        Assert.DoesNotContain("Hunter2", http.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_UnshieldedFunctionsException_IsNotAltered()
    {
        var response = await Worker.InvokeHttpAsync("UnshieldedBoom", "hello");

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains(HttpFunctions.Secret, response.Result.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_AllowedMessage_RunsTheFunction()
    {
        var response = await Worker.InvokeMessageAsync("OnOrder", "message", "order-1", QueueMetadata());

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains("processed:order-1", response.ReturnValue.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_ExceptionWithSecret_FailsWithoutTheSecret()
    {
        var response = await Worker.InvokeMessageAsync("OnOrder", "message", "fail", QueueMetadata());

        Assert.Equal(Status.Failure, response.Result.Status);
        var exception = response.Result.Exception;
        Assert.DoesNotContain("Hunter2", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Hunter2", exception.StackTrace, StringComparison.Ordinal);
        Assert.DoesNotContain("QueueFunctions", exception.StackTrace, StringComparison.Ordinal);
        Assert.Contains(response.InvocationId, exception.Message, StringComparison.Ordinal);
        Assert.Contains("SHIELD3001", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_OversizeMessage_FailsWithTheLimitRule()
    {
        var response = await Worker.InvokeMessageAsync("OnOrder", "message", new string('m', 65), QueueMetadata());

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD2001", response.Result.Exception.Message, StringComparison.Ordinal);
        Assert.Contains(response.InvocationId, response.Result.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_TypedMessage_IsInspectedAndStillBindsToTheFunctionsType()
    {
        const string Order = "{\"Sku\":\"abc\",\"Quantity\":1}";

        var response = await Worker.InvokeAsync("OnTypedOrder", TypedQueueMessage(Order), Order);

        Assert.Equal(Status.Success, response.Result.Status);
        Assert.Contains("processed:abc", response.ReturnValue.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_TypedMessage_Oversize_FailsWithTheLimitRule()
    {
        var order = "{\"Sku\":\"" + new string('a', 64) + "\",\"Quantity\":1}";

        var response = await Worker.InvokeAsync("OnTypedOrder", TypedQueueMessage(order), order);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("SHIELD2001", response.Result.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_UnshieldedFunctionsException_IsNotAltered()
    {
        var response = await Worker.InvokeMessageAsync("UnshieldedOnOrder", "message", "order-1", QueueMetadata());

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains(HttpFunctions.Secret, response.Result.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timer_Tick_RunsTheFunction()
    {
        var response = await Worker.InvokeAsync("Nightly", new ParameterBinding
        {
            Name = "timer",
            Data = new TypedData { Json = "{\"ScheduleStatus\":null,\"IsPastDue\":false}" },
        });

        Assert.Equal(Status.Success, response.Result.Status);
    }

    private static ParameterBinding TypedQueueMessage(string json) => new() { Name = "order", Data = new TypedData { Json = json } };

    private static Dictionary<string, TypedData> QueueMetadata() => new()
    {
        ["DequeueCount"] = new TypedData { Json = "1" },
        ["Id"] = new TypedData { String = Guid.NewGuid().ToString() },
    };
}

public sealed class HostBuilderStartupTests(HostBuilderWorkerFixture worker)
    : ShieldedWorkerTests<HostBuilderWorkerFixture>(worker), IClassFixture<HostBuilderWorkerFixture>;

public sealed class ApplicationBuilderStartupTests(ApplicationBuilderWorkerFixture worker)
    : ShieldedWorkerTests<ApplicationBuilderWorkerFixture>(worker), IClassFixture<ApplicationBuilderWorkerFixture>;
