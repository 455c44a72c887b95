using System.Globalization;
using System.Runtime;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Filters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ServerlessShield.Benchmarks;

// Cold start, from building the host to the first completed invocation, with and without the shield. ColdStart runs
// each launch in a new process and measures one invocation there, with no warmup and no jitting stage, so every
// launch pays what a new Lambda execution environment pays inside the process: assembly loading, JIT, type and
// static initialisation, the container and the first request (runtime start-up itself is outside the measurement).
// The function: a host built with Host.CreateApplicationBuilder (logging providers cleared, so nothing is written
// to the console), its handler registered in one line, resolved and invoked once with a clean API Gateway event.
// Shielded (wrap only) stops after resolving the wrapped handler: the engine's construction alone. Shielded
// (no audit) turns off the cold-start configuration audit and dependency inventory, which run on the thread pool
// beside the first invocation. Each launch also prints the JIT's share (methods compiled, compilation time) as
// "// cold-start jit:" in the log. Only this class's ColdStart job runs, whatever --job the command line adds.
[SimpleJob(RunStrategy.ColdStart, launchCount: 30, warmupCount: 0, iterationCount: 1, id: "ColdStart")]
[Config(typeof(Config))]
[MinColumn]
[MaxColumn]
[MedianColumn]
public class ColdStartBenchmarks
{
    private static readonly byte[] Response = """{"statusCode":200,"body":"ok"}"""u8.ToArray();
    private byte[] _event = [];
    private (long Methods, TimeSpan Time) _jit;

    [GlobalSetup]
    public void Setup() => _event = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "events", "apigw-rest.json"));

    [GlobalCleanup]
    public void Cleanup() => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"// cold-start jit: {_jit.Methods} methods compiled, {_jit.Time.TotalMilliseconds:F1} ms compiling"));

    [Benchmark(Baseline = true, Description = "Bare: host, resolve, first invocation")]
    public async Task<long> Bare()
    {
        var jit = JitNow();
        var builder = CreateBuilder();
        builder.Services.AddSingleton<LambdaHandler>(HandleAsync);
        using var host = builder.Build();
        var length = await InvokeAsync(host.Services.GetRequiredService<LambdaHandler>());
        _jit = JitSince(jit);
        return length;
    }

    [Benchmark(Description = "Shielded: host, resolve, first invocation")]
    public async Task<long> Shielded()
    {
        var jit = JitNow();
        var builder = CreateBuilder();
        builder.Services.AddSingleton<LambdaHandler>(sp => LambdaShield.Wrap<LambdaRuntimeContext>(HandleAsync, c => c.ToInvocation(), new() { LoggerFactory = sp.GetService<ILoggerFactory>() }).Invoke);
        using var host = builder.Build();
        var length = await InvokeAsync(host.Services.GetRequiredService<LambdaHandler>());
        _jit = JitSince(jit);
        return length;
    }

    [Benchmark(Description = "Shielded (no audit): host, resolve, first invocation")]
    public async Task<long> ShieldedWithoutAudit()
    {
        var jit = JitNow();
        var builder = CreateBuilder();
        builder.Services.AddSingleton<LambdaHandler>(sp => LambdaShield.Wrap<LambdaRuntimeContext>(HandleAsync, c => c.ToInvocation(), new()
        {
            LoggerFactory = sp.GetService<ILoggerFactory>(),
            Shield = { Audit = { Enabled = false }, Inventory = { Enabled = false } },
        }).Invoke);
        using var host = builder.Build();
        var length = await InvokeAsync(host.Services.GetRequiredService<LambdaHandler>());
        _jit = JitSince(jit);
        return length;
    }

    [Benchmark(Description = "Shielded: host, resolve (wrap only)")]
    public int ShieldedWrapOnly()
    {
        var jit = JitNow();
        var builder = CreateBuilder();
        builder.Services.AddSingleton<LambdaHandler>(sp => LambdaShield.Wrap<LambdaRuntimeContext>(HandleAsync, c => c.ToInvocation(), new() { LoggerFactory = sp.GetService<ILoggerFactory>() }).Invoke);
        using var host = builder.Build();
        var hash = host.Services.GetRequiredService<LambdaHandler>().GetHashCode();
        _jit = JitSince(jit);
        return hash;
    }

    private static (long Methods, TimeSpan Time) JitNow() => (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

    private static (long Methods, TimeSpan Time) JitSince((long Methods, TimeSpan Time) start) =>
        (JitInfo.GetCompiledMethodCount() - start.Methods, JitInfo.GetCompilationTime() - start.Time);

    private static HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        return builder;
    }

    private async Task<long> InvokeAsync(LambdaHandler handler)
    {
        var context = new LambdaRuntimeContext
        {
            AwsRequestId = "8f1c6a2e-4b7d-4e0a-9c3b-2d5f7a9e1b04",
            FunctionName = "orders",
            Deadline = DateTimeOffset.UtcNow.AddMinutes(1),
        };
        using var response = await handler(new MemoryStream(_event, writable: false), context);
        return response.Length;
    }

    private static async Task<Stream> HandleAsync(Stream input, LambdaRuntimeContext context)
    {
        await input.CopyToAsync(Stream.Null, context.CancellationToken).ConfigureAwait(false);
        return new MemoryStream(Response, writable: false);
    }

    // The function's handler as the container holds it.
    public delegate Task<Stream> LambdaHandler(Stream input, LambdaRuntimeContext context);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddColumn(new OverheadColumn());
            AddFilter(new SimpleFilter(c => c.Job.Id == "ColdStart"));
        }
    }
}
