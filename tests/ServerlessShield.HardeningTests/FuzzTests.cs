using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using ServerlessShield.HardeningTests.Support;
using Xunit.Abstractions;

namespace ServerlessShield.HardeningTests;

// Property-based fuzzing. SERVERLESSSHIELD_FUZZ_CASES is the total number of generated events, split between the two
// properties; CI runs the small default.
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int DefaultTotalCases = 4000;

    private static int CasesPerProperty
    {
        get
        {
            var text = Environment.GetEnvironmentVariable("SERVERLESSSHIELD_FUZZ_CASES");
            var total = int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 1 ? parsed : DefaultTotalCases;
            return total / 2;
        }
    }

    private static readonly ConcurrentDictionary<string, int> Tally = new();

    private static readonly RecordingLoggerFactory Logs = new();

    private static void Count(string what) => Tally.AddOrUpdate(what, 1, (_, n) => n + 1);

    private string Report(string prefix) =>
        string.Join(", ", Tally.Where(t => t.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));

    private static Config Configured(int cases) => Config.QuickThrowOnFailure.WithMaxTest(cases).WithQuietOnSuccess(true).WithEndSize(60);

    [Fact]
    public void Engine_GeneratedJsonBodies_CleanOutcomeCorrelatedAnswersNoCanary()
    {
        var cases = CasesPerProperty;
        using var engine = Harness.Engine();
        var counter = 0;

        Check.One(Configured(cases), Prop.ForAll(FuzzGen.Case(lambda: false).ToArbitrary(), c =>
        {
            var n = Interlocked.Increment(ref counter);
            return EngineCaseHolds(engine, c, $"fz-e-{n}");
        }));

        output.WriteLine($"engine events: {counter}; {Report("engine:")}");
        Assert.True(counter >= cases, $"ran {counter} of {cases}");
    }

    [Fact]
    public void Lambda_GeneratedEnvelopes_DocumentedOutcomesCorrelatedAnswersNoCanary()
    {
        var cases = CasesPerProperty;
        var wrapped = Harness.Wrap((input, context) =>
            context.AwsRequestId.EndsWith("-t", StringComparison.Ordinal)
                ? throw new InvalidOperationException("handler failed: password=" + FuzzGen.Canary)
                : Harness.Ok(input, context), loggerFactory: Logs);
        var counter = 0;

        Check.One(Configured(cases), Prop.ForAll(FuzzGen.Case(lambda: true).ToArbitrary(), c =>
        {
            var n = Interlocked.Increment(ref counter);
            Logs.Lines.Clear();
            return LambdaCaseHolds(wrapped, c, $"fz-l-{n}" + (c.HandlerThrows ? "-t" : string.Empty));
        }));

        output.WriteLine($"lambda events: {counter}; {Report("lambda:")}");
        Assert.True(counter >= cases, $"ran {counter} of {cases}");
    }

    private static bool EngineCaseHolds(ShieldEngine engine, FuzzCase c, string requestId) =>
        EngineCaseHoldsAsync(engine, c, requestId).AsTask().GetAwaiter().GetResult();

    private static async ValueTask<bool> EngineCaseHoldsAsync(ShieldEngine engine, FuzzCase c, string requestId)
    {
        var policy = engine.Policies.GetPolicy("fuzz", () => null);
        var context = engine.Rent(policy);
        try
        {
            Harness.AssertClean(context);
            context.Source = new EventSourceInfo(EventSourceKind.Http, "fuzz-http");
            context.PlatformRequestId = requestId;
            context.Inputs.Add(Harness.Json(FuzzGen.Payload(c)));
            context.Handler = _ => c.HandlerThrows
                ? throw new InvalidOperationException("handler failed: password=" + FuzzGen.Canary)
                : ValueTask.CompletedTask;
            await engine.RunAsync(context);

            var outcome = context.Outcome;
            Count("engine:" + outcome);
            if (!Harness.IsDocumented(outcome.Kind) || context.CorrelationId != requestId)
            {
                return false;
            }

            // The shield itself never fails on input; only a throwing handler gives Failed.
            if (outcome.Kind == ShieldOutcomeKind.Failed && !(c.HandlerThrows && outcome.Rule == ShieldRules.UnhandledException))
            {
                throw new InvalidOperationException($"unexpected failure {outcome} for {c}");
            }

            if (outcome.IsRejected)
            {
                var answer = engine.CreateErrorResponse(context);
                using var problem = JsonDocument.Parse(answer.BodyText);
                return answer.StatusCode is >= 100 and <= 599
                    && problem.RootElement.GetProperty("correlationId").GetString() == requestId
                    && !answer.BodyText.Contains(FuzzGen.Canary, StringComparison.Ordinal)
                    && !answer.Headers.Any(h => h.Value.Contains(FuzzGen.Canary, StringComparison.Ordinal));
            }

            return true;
        }
        finally
        {
            engine.Return(context);
        }
    }

    private static bool LambdaCaseHolds(Func<Stream, FakeLambdaContext, Task<Stream>> wrapped, FuzzCase c, string requestId) =>
        LambdaCaseHoldsAsync(wrapped, c, requestId).GetAwaiter().GetResult();

    private static async Task<bool> LambdaCaseHoldsAsync(Func<Stream, FakeLambdaContext, Task<Stream>> wrapped, FuzzCase c, string requestId)
    {
        var payload = FuzzGen.Payload(c);
        var text = Encoding.UTF8.GetString(payload);
        var eventBytes = c.Envelope switch
        {
            Envelope.ApiGateway => Harness.ApiGatewayEvent(text),
            Envelope.ApiGatewayBase64 => Harness.ApiGatewayEvent(text, base64: true),
            Envelope.Sqs => Harness.SqsEvent("{\"ok\":1}", text),
            Envelope.Sns => Harness.SnsEvent(text),
            _ => payload,
        };
        if (c.MutateEnvelope)
        {
            eventBytes = FuzzGen.Mutate(eventBytes, c.Mutation == Mutation.None ? Mutation.FlipByte : c.Mutation, c.Where, c.Flip);
        }

        var http = c.Envelope is Envelope.ApiGateway or Envelope.ApiGatewayBase64 && !c.MutateEnvelope;
        string response;
        try
        {
            var stream = await wrapped(new MemoryStream(eventBytes, writable: false), new FakeLambdaContext(requestId, "fuzz"));
            using var reader = new StreamReader(stream, Encoding.UTF8);
            response = await reader.ReadToEndAsync();
        }
        catch (ShieldedInvocationException ex)
        {
            Count("lambda:exception " + ex.Code);
            if (http)
            {
                throw new InvalidOperationException($"HTTP event answered with an exception ({ex.Code}) for {c}");
            }

            // The shield never fails on its own: a rejection names the rule, or the handler's failure.
            if (ex.Code == ShieldRules.ShieldFailure.Id)
            {
                throw new InvalidOperationException($"shield failure (SHIELD3002) for {c}: {Logs.For(requestId)}");
            }

            return ex.CorrelationId == requestId
                && !ex.ToString().Contains(FuzzGen.Canary, StringComparison.Ordinal)
                && ex.InnerException is null;
        }

        Count(response.StartsWith("{\"statusCode\"", StringComparison.Ordinal) ? "lambda:http-answer" : response.Contains("batchItemFailures", StringComparison.Ordinal) ? "lambda:batch-failures" : "lambda:handler-response");
        if (response.Contains(FuzzGen.Canary, StringComparison.Ordinal))
        {
            return false;
        }

        if (response == Encoding.UTF8.GetString(Harness.OkResponse))
        {
            return !c.HandlerThrows;
        }

        if (response.Contains("batchItemFailures", StringComparison.Ordinal))
        {
            return !http;
        }

        Harness.AssertProblemAnswer(response, requestId);
        return true;
    }
}
