using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Redaction;

[Collection("Environment")]
public class ErrorResponseTests
{
    private sealed class ValidationException(string message) : Exception(message);

    private sealed class OrderNotFound(string message) : Exception(message);

    [Theory]
    [InlineData(typeof(TimeoutException), 504)]
    [InlineData(typeof(UnauthorizedAccessException), 403)]
    [InlineData(typeof(ValidationException), 400)]
    [InlineData(typeof(InvalidOperationException), 500)]
    public async Task KnownExceptionTypes_MapToTheirStatus(Type type, int status)
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f", [TestEngine.Json("{}")], _ => throw (Exception)Activator.CreateInstance(type, "secret detail")!);

        Assert.Equal(status, result.Outcome.StatusCode);
    }

    [Fact]
    public async Task StatusMap_IsExtensibleByTypeName()
    {
        var options = new ShieldOptions { RequireOptIn = false, Errors = { StatusCodes = { ["OrderNotFound"] = 404 } } };
        var engine = new TestEngine(options);

        var result = await engine.RunAsync("f", [TestEngine.Json("{}")], _ => throw new OrderNotFound("no order 42"));

        Assert.Equal(404, result.Outcome.StatusCode);
    }

    [Fact]
    public void DevelopmentMode_IsRefusedInTheCloud_AndReported()
    {
        var saved = (Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT"), Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID"));
        try
        {
            Environment.SetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT", "Development");
            Environment.SetEnvironmentVariable("WEBSITE_INSTANCE_ID", "instance-1");
            var engine = new TestEngine(new ShieldOptions { RequireOptIn = false, Errors = { DevelopmentMode = true } });

            Assert.False(engine.Engine.ShowErrorDetails);
            Assert.Contains(engine.Logs.GetSnapshot(), r => r.Message.Contains("SHIELD4001", StringComparison.Ordinal));

            Environment.SetEnvironmentVariable("WEBSITE_INSTANCE_ID", null);
            Assert.True(new TestEngine(new ShieldOptions { Errors = { DevelopmentMode = true } }).Engine.ShowErrorDetails);
            Environment.SetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT", "Production");
            Assert.False(new TestEngine(new ShieldOptions { Errors = { DevelopmentMode = true } }).Engine.ShowErrorDetails);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT", saved.Item1);
            Environment.SetEnvironmentVariable("WEBSITE_INSTANCE_ID", saved.Item2);
        }
    }

    [Fact]
    public async Task ErrorResponse_WithoutDevelopmentMode_HasNoDetail()
    {
        var engine = new TestEngine();
        var policy = engine.Engine.Policies.GetPolicy("f");
        var context = engine.Engine.Rent(policy);
        context.Handler = _ => throw new InvalidOperationException("Password=hunter2-canary");
        await engine.Engine.RunAsync(context);

        var response = engine.Engine.CreateErrorResponse(context);

        Assert.Equal(500, response.StatusCode);
        Assert.DoesNotContain("hunter2", response.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("detail", response.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", response.BodyText, StringComparison.Ordinal);
        engine.Engine.Return(context);
    }
}
