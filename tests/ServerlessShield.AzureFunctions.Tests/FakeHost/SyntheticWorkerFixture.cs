using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>
/// Trigger types whose worker extension is not available here (Service Bus, Event Grid, Event Hubs, Cosmos DB, any
/// custom trigger) and blob shapes, covered with hand-written metadata pointing at plain methods of this assembly. The
/// worker's reflection executor runs them: the generated executor silently does nothing for entry points it does not
/// know, so it must not be registered here.
/// </summary>
public sealed class SyntheticWorkerFixture : WorkerFixture
{
    public const string ServiceBusFunction = "OnServiceBusMessage";
    public const string EventHubBatchFunction = "OnEventHubBatch";
    public const string ValidatedServiceBusFunction = "OnValidatedServiceBusMessage";

    // (function and method name, trigger binding name, trigger type, cardinality many)
    private static readonly (string Name, string Binding, string Type, bool Many)[] Functions =
    [
        (nameof(SyntheticFunctions.OnServiceBusMessage), "message", "serviceBusTrigger", false),
        (nameof(SyntheticFunctions.OnServiceBusBatch), "messages", "serviceBusTrigger", true),
        (nameof(SyntheticFunctions.OnValidatedServiceBusMessage), "message", "serviceBusTrigger", false),
        (nameof(SyntheticFunctions.OnEventHubBatch), "events", "eventHubTrigger", true),
        (nameof(SyntheticFunctions.OnEventHubReadings), "readings", "eventHubTrigger", true),
        (nameof(SyntheticFunctions.OnCosmosDocuments), "documents", "cosmosDBTrigger", true),
        (nameof(SyntheticFunctions.OnEventGridEvent), "gridEvent", "eventGridTrigger", false),
        (nameof(SyntheticFunctions.OnEventGridBatch), "events", "eventGridTrigger", true),
        (nameof(SyntheticFunctions.OnEventGridValidated), "gridEvent", "eventGridTrigger", false),
        (nameof(SyntheticFunctions.OnBlobBytes), "content", "blobTrigger", false),
        (nameof(SyntheticFunctions.OnImageBlob), "content", "blobTrigger", false),
        (nameof(SyntheticFunctions.OnBlobReference), "blob", "blobTrigger", false),
        (nameof(SyntheticFunctions.OnCustomTrigger), "payload", "kafkaTrigger", false),
        (nameof(SyntheticFunctions.OnTimerTick), "timer", "timerTrigger", false),
        (nameof(SyntheticFunctions.OnConfiguredMessage), "message", "queueTrigger", false),
        (nameof(SyntheticFunctions.OnSlowMessage), "message", "queueTrigger", false),
    ];

    protected override IHost BuildWorker(IDictionary<string, string?> connection) =>
        new HostBuilder()
            .ConfigureFunctionsWorkerDefaults(worker => worker.UseServerlessShield(
                shield => shield.ForFunction(nameof(SyntheticFunctions.OnConfiguredMessage), f =>
                {
                    f.Enabled = true;
                    f.Limits.MaxPayloadBytes = 16;
                    f.Rules["cross-site-scripting"] = RuleMode.Sanitize;
                }),
                pipeline =>
                {
                    MarkerDetectors.Configure(pipeline);
                    pipeline.AddFluentValidation(v => v.Add(ValidatedServiceBusFunction, new TypedValidation.OrderValidator(), TypedValidation.OrderType));
                },
                configureAzure: azure => azure.EventGridValidationFunctions.Add(nameof(SyntheticFunctions.OnEventGridValidated))))
            .ConfigureServices(services => services.AddSingleton<ISecurityEventListener, SecurityEventLog>())
            .ConfigureLogging(logging => logging.AddProvider(CapturedLogs.Provider))
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(connection))
            .Build();

    protected override Task<IEnumerable<RpcFunctionMetadata>> GetFunctionsAsync() =>
        Task.FromResult(Functions.Select(f => Synthetic(f.Name, f.Binding, f.Type, f.Many)));

    private static RpcFunctionMetadata Synthetic(string name, string bindingName, string triggerType, bool many) =>
        Synthetic(typeof(SyntheticFunctions), name, bindingName, triggerType, many);

    /// <summary>Hand-written metadata for a plain static method of this assembly, triggered by one binding.</summary>
    internal static RpcFunctionMetadata Synthetic(Type functions, string name, string bindingName, string triggerType, bool many)
    {
        var metadata = new RpcFunctionMetadata
        {
            Name = name,
            FunctionId = "synthetic-" + name,
            Directory = AppDirectory,
            ScriptFile = functions.Assembly.GetName().Name + ".dll",
            EntryPoint = functions.FullName + "." + name,
            Language = "dotnet-isolated",
        };
        var binding = new BindingInfo
        {
            Type = triggerType,
            Direction = BindingInfo.Types.Direction.In,
            DataType = BindingInfo.Types.DataType.String,
        };
        if (many)
        {
            binding.Properties["cardinality"] = "Many";
        }

        metadata.Bindings[bindingName] = binding;
        return metadata;
    }
}
