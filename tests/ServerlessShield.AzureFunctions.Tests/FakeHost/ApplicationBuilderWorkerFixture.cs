using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.Azure.Functions.Worker.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessShield.AzureFunctions.TestApp;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>The test app in the newer startup style: <c>FunctionsApplication.CreateBuilder(args).UseServerlessShield()</c>.</summary>
public sealed class ApplicationBuilderWorkerFixture : WorkerFixture
{
    protected override IHost BuildWorker(IDictionary<string, string?> connection)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection(connection);
        builder.UseServerlessShield(configurePipeline: MarkerDetectors.Configure, configureAzure: ConfigureAzure);

        // What the SDK's auto-startup types register when the app itself is the entry assembly.
        builder.Services.AddSingleton<ISecurityEventListener, SecurityEventLog>();
        builder.Services.AddSingleton<IFunctionExecutor, DirectFunctionExecutor>();
        builder.Services.AddSingleton<IFunctionMetadataProvider, GeneratedFunctionMetadataProvider>();
        return builder.Build();
    }
}
