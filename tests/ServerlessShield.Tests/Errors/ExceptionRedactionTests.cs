using System.Text.Json;
using ServerlessShield.Tests.Support;

namespace ServerlessShield.Tests.Errors;

public class ExceptionRedactionTests
{
    private const string Secret = "Password=hunter2;AccountKey=c2VjcmV0";

    [Fact]
    public async Task HandlerException_BecomesAFailedOutcome_WithTheOriginalKeptForTheLog()
    {
        var engine = new TestEngine();

        var result = await engine.RunAsync("f", [TestEngine.Json("{}")], _ => throw new InvalidOperationException(Secret));

        Assert.Equal(ShieldOutcomeKind.Failed, result.Outcome.Kind);
        Assert.Equal(ShieldRules.UnhandledException, result.Outcome.Rule);
        Assert.IsType<InvalidOperationException>(result.Outcome.Error!.SourceException);
        var log = Assert.Single(engine.Logs.GetSnapshot(), r => r.Id.Name == "InvocationFailed");
        Assert.Contains(result.CorrelationId, log.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShieldFailureBeforeTheHandler_IsClassifiedAsTheShieldsOwn_AndFailsClosed()
    {
        var engine = new TestEngine(configurePipeline: p => p.Use((_, _) => throw new InvalidOperationException("boom")));

        var result = await engine.RunAsync("f", [TestEngine.Json("{}")]);

        Assert.Equal(ShieldRules.ShieldFailure, result.Outcome.Rule);
        Assert.False(result.HandlerRan);
    }

    [Fact]
    public async Task PlatformCancellation_PassesThroughUnredacted()
    {
        var engine = new TestEngine();
        using var cts = new CancellationTokenSource();
        var policy = engine.Engine.Policies.GetPolicy("f");
        var context = engine.Engine.Rent(policy);
        context.CancellationToken = cts.Token;
        context.Handler = c => { cts.Cancel(); c.CancellationToken.ThrowIfCancellationRequested(); return ValueTask.CompletedTask; };

        await Assert.ThrowsAsync<OperationCanceledException>(async () => await engine.Engine.RunAsync(context));
        engine.Engine.Return(context);
    }

    [Fact]
    public void ShieldedInvocationException_CarriesCodeAndCorrelation_NoStackNoInner()
    {
        ShieldedInvocationException caught;
        try
        {
            throw new ShieldedInvocationException("SHIELD3001", "corr-1");
        }
        catch (ShieldedInvocationException ex)
        {
            caught = ex;
        }

        Assert.Null(caught.StackTrace);
        Assert.Null(caught.InnerException);
        Assert.Contains("corr-1", caught.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", caught.ToString(), StringComparison.Ordinal);
        Assert.Equal("none", new ShieldedInvocationException(Secret, new InvalidOperationException(Secret)).CorrelationId);
        Assert.DoesNotContain("hunter2", new ShieldedInvocationException(Secret, new InvalidOperationException(Secret)).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, "Internal Server Error")]
    [InlineData(413, "Content Too Large")]
    [InlineData(400, "Bad Request")]
    public void ErrorResponse_IsProblemJson_WithStatusTitleAndCorrelationOnly(int status, string title)
    {
        var response = ShieldErrorResponse.Create(status, "corr-9");

        using var doc = JsonDocument.Parse(response.Body);
        Assert.Equal(status, doc.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(title, doc.RootElement.GetProperty("title").GetString());
        Assert.Equal("corr-9", doc.RootElement.GetProperty("correlationId").GetString());
        Assert.Equal(["type", "title", "status", "correlationId"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Contains(response.Headers, h => h is { Key: "Content-Type", Value: "application/problem+json" });
        Assert.Contains(response.Headers, h => h is { Key: "Cache-Control", Value: "no-store" });
        Assert.Contains(response.Headers, h => h is { Key: "X-Content-Type-Options", Value: "nosniff" });
    }
}
