using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using ServerlessShield.AwsLambda.AotTests.Support;
using ServerlessShield.AwsLambda.Tests.Support;
using Xunit.Abstractions;

namespace ServerlessShield.AwsLambda.AotTests;

// samples/LambdaFunction published with Native AOT: no trim or AOT warning, and the native binary serves the Runtime
// API through LambdaRuntimeHost: an allowed request, a blocked one and a redacted handler failure. One publish (a
// minute or two); SERVERLESSSHIELD_SKIP_AOT=1 skips it.
public sealed class SampleNativeAotTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task PublishedSample_IsWarningFreeAndAnswersTheRuntimeApi()
    {
        Skip.If(Environment.GetEnvironmentVariable("SERVERLESSSHIELD_SKIP_AOT") == "1", "SERVERLESSSHIELD_SKIP_AOT=1");
        Skip.IfNot(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64, "Native AOT for linux-x64 is published on linux-x64 only.");

        var root = RepositoryRoot.Find();
        var sample = Path.Combine(root, "samples", "LambdaFunction");
        var work = Directory.CreateTempSubdirectory("shield-aot-");
        try
        {
            var publish = await DotnetPublish.RunAsync(Path.Combine(sample, "LambdaFunction.csproj"), work.FullName, PublishTimeout);
            var binary = new FileInfo(Path.Combine(publish.OutputDirectory, "bootstrap"));
            output.WriteLine($"dotnet publish -r linux-x64 -p:PublishAot=true: exit {publish.ExitCode} in {publish.Duration.TotalSeconds:F0} s, "
                + $"{publish.Warnings.Count} warning(s), {publish.TrimOrAotDiagnostics.Count} trim/AOT diagnostic(s)");
            Assert.True(publish.ExitCode == 0, "dotnet publish failed:\n" + string.Join('\n', publish.Output.TakeLast(40)));
            Assert.Empty(publish.TrimOrAotDiagnostics);
            Assert.True(binary.Exists, $"No native bootstrap in {publish.OutputDirectory}.");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Native binary: {binary.Length} bytes ({binary.Length / 1048576.0:F1} MiB)"));
            Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(binary.FullName).AsSpan(0, 4).ToArray());
            Assert.False(File.Exists(Path.Combine(publish.OutputDirectory, "bootstrap.dll")), "A managed assembly was published beside the native binary.");

            await RunAgainstFakeRuntimeApiAsync(binary.FullName, Path.Combine(sample, "events"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private async Task RunAgainstFakeRuntimeApiAsync(string binary, string events)
    {
        await using var api = FakeRuntimeApi.Start();
        using var function = NativeFunction.Start(binary, new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = api.Endpoint,
            ["AWS_LAMBDA_FUNCTION_NAME"] = "sample-function",
        });
        var allowed = api.Enqueue(Invocation("req-allowed", events, "apigw-rest.json"));
        var blocked = api.Enqueue(Invocation("req-blocked", events, "apigw-rest-invalid-json.json"));
        var failed = api.Enqueue(Invocation("req-failed", events, "direct-invoke-order.json"));

        // The sample runs with invariant globalization, where string.Normalize does nothing: full-width markup must
        // still be folded to ASCII before detection.
        var fullWidth = File.ReadAllText(Path.Combine(events, "apigw-rest.json")).Replace("Ada", "\uFF1Cｓｃｒｉｐｔ\uFF1Eａｌｅｒｔ(１)\uFF1C/ｓｃｒｉｐｔ\uFF1E", StringComparison.Ordinal);
        var folded = api.Enqueue(FakeInvocation.WithDeadlineIn("req-full-width", fullWidth, TimeSpan.FromSeconds(30), "Root=1-5759e988-bd862e3fe1be46a994272793"));

        try
        {
            var ok = Parse(await allowed.WaitAsync(Patience), "response");
            Assert.Equal(200, ok.GetProperty("statusCode").GetInt32());
            Assert.Equal("Hello, Ada!", ok.GetProperty("body").GetString());

            var rejected = Parse(await blocked.WaitAsync(Patience), "response");
            Assert.Equal(400, rejected.GetProperty("statusCode").GetInt32());
            Assert.Equal("application/problem+json", rejected.GetProperty("headers").GetProperty("Content-Type").GetString());
            var problem = Parse(rejected.GetProperty("body").GetString()!);
            Assert.Equal(400, problem.GetProperty("status").GetInt32());
            Assert.Equal("req-blocked", problem.GetProperty("correlationId").GetString());

            var fullWidthAnswer = Parse(await folded.WaitAsync(Patience), "response");
            Assert.Equal(400, fullWidthAnswer.GetProperty("statusCode").GetInt32());
            Assert.Equal("req-full-width", Parse(fullWidthAnswer.GetProperty("body").GetString()!).GetProperty("correlationId").GetString());

            var failure = await failed.WaitAsync(Patience);
            Assert.Equal("error", failure.Kind);
            Assert.Equal("ShieldedInvocationException", failure.ErrorTypeHeader);
            var error = Parse(failure.Body);
            Assert.Equal(["errorMessage", "errorType"], error.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal("The invocation failed (SHIELD3001). Correlation id: req-failed.", error.GetProperty("errorMessage").GetString());
            foreach (var secret in (string[])["hunter2", "orders-db", "InvalidOperationException", " at ", "Function.cs"])
            {
                Assert.DoesNotContain(secret, failure.Body, StringComparison.Ordinal);
            }

            Assert.Equal(0, await function.TerminateAsync(Patience));
        }
        finally
        {
            output.WriteLine("Function output:\n" + function.Output);
        }

        Assert.DoesNotContain("hunter2", function.Output, StringComparison.Ordinal);
    }

    private static FakeInvocation Invocation(string requestId, string events, string file) =>
        FakeInvocation.WithDeadlineIn(requestId, File.ReadAllText(Path.Combine(events, file)), TimeSpan.FromSeconds(30), "Root=1-5759e988-bd862e3fe1be46a994272793");

    private static JsonElement Parse(RuntimeAnswer answer, string kind)
    {
        Assert.True(answer.Kind == kind, $"Expected a {kind}, got a {answer.Kind}: {answer.Body}");
        return Parse(answer.Body);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
