using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

/// <summary>
/// The hardening functions of the triggers whose worker extensions are not installed (Service Bus, Event Hubs, Event
/// Grid, Cosmos DB, blob), loaded through hand-written metadata and run by the worker's reflection executor.
/// </summary>
public sealed class HardenedSyntheticFixture : HardenedWorkerFixture
{
    public const string ServiceBus = nameof(HardenedSyntheticFunctions.HardenedServiceBus);
    public const string ServiceBusBatch = nameof(HardenedSyntheticFunctions.HardenedServiceBusBatch);
    public const string EventHubBatch = nameof(HardenedSyntheticFunctions.HardenedEventHubBatch);
    public const string EventGrid = nameof(HardenedSyntheticFunctions.HardenedEventGrid);
    public const string Cosmos = nameof(HardenedSyntheticFunctions.HardenedCosmos);
    public const string Blob = nameof(HardenedSyntheticFunctions.HardenedBlob);

    // (function and method name, trigger binding name, trigger type, cardinality many)
    private static readonly (string Name, string Binding, string Type, bool Many)[] Functions =
    [
        (ServiceBus, "message", "serviceBusTrigger", false),
        (ServiceBusBatch, "messages", "serviceBusTrigger", true),
        (EventHubBatch, "events", "eventHubTrigger", true),
        (EventGrid, "gridEvent", "eventGridTrigger", false),
        (Cosmos, "documents", "cosmosDBTrigger", true),
        (Blob, "content", "blobTrigger", false),
    ];

    protected override IHost BuildWorker(IDictionary<string, string?> connection) =>
        new HostBuilder()
            .ConfigureFunctionsWorkerDefaults(worker => worker.UseServerlessShield(configurePipeline: ConfigurePipeline))
            .ConfigureServices(ConfigureServices)
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(Logs))
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(connection))
            .Build();

    protected override Task<IEnumerable<RpcFunctionMetadata>> GetFunctionsAsync() =>
        Task.FromResult(Functions.Select(f => SyntheticWorkerFixture.Synthetic(typeof(HardenedSyntheticFunctions), f.Name, f.Binding, f.Type, f.Many)));
}
