using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServerlessShield.AzureFunctions.TestApp;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

/// <summary>The test app (generated metadata and executor) as a hardening worker: HTTP and queue functions.</summary>
public class HardenedAppFixture : HardenedWorkerFixture
{
    public const string Http = "HardenedHttp";
    public const string Queue = "HardenedQueue";
    public const string TypedQueue = "HardenedTypedQueue";
    public const string LeakyQueue = "UnshieldedLeakyQueue";

    protected override IHost BuildWorker(IDictionary<string, string?> connection)
    {
        var builder = new HostBuilder()
            .ConfigureFunctionsWorkerDefaults(worker => worker.UseServerlessShield(configurePipeline: ConfigurePipeline))
            .ConfigureServices(ConfigureServices)
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs))
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(connection));
        new FunctionExecutorAutoStartup().Configure(builder);
        new FunctionMetadataProviderAutoStartup().Configure(builder);
        return builder.Build();
    }
}
