using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ServerlessShield.AzureFunctions.TestApp;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>The test app in the classic startup style: <c>new HostBuilder().ConfigureFunctionsWorkerDefaults(w => w.UseServerlessShield())</c>.</summary>
public sealed class HostBuilderWorkerFixture : WorkerFixture
{
    protected override IHost BuildWorker(IDictionary<string, string?> connection)
    {
        var builder = new HostBuilder()
            .ConfigureFunctionsWorkerDefaults(worker => worker.UseServerlessShield(configurePipeline: MarkerDetectors.Configure, configureAzure: WorkerFixture.ConfigureAzure))
            .ConfigureServices(services => services.AddSingleton<ISecurityEventListener, SecurityEventLog>())
            .ConfigureLogging(logging => logging.AddProvider(CapturedLogs.Provider))
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(connection));

        // The entry assembly is the test runner, so the SDK's auto-startup types are not discovered: apply them here.
        new FunctionExecutorAutoStartup().Configure(builder);
        new FunctionMetadataProviderAutoStartup().Configure(builder);
        return builder.Build();
    }
}
