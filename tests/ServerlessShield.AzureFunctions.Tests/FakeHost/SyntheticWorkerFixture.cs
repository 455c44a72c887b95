using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>
/// Trigger types whose worker extension is not available here (Service Bus), covered with hand-written metadata
/// pointing at plain methods of this assembly. The worker's reflection executor runs them: the generated executor
/// silently does nothing for entry points it does not know, so it must not be registered here.
/// </summary>
public sealed class SyntheticWorkerFixture : WorkerFixture
{
    public const string ServiceBusFunction = "OnServiceBusMessage";
    public const string EventHubBatchFunction = "OnEventHubBatch";

    protected override IHost BuildWorker(IDictionary<string, string?> connection) =>
        new HostBuilder()
            .ConfigureFunctionsWorkerDefaults(worker => worker.UseServerlessShield())
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(connection))
            .Build();

    protected override Task<IEnumerable<RpcFunctionMetadata>> GetFunctionsAsync()
    {
        var metadata = new RpcFunctionMetadata
        {
            Name = ServiceBusFunction,
            FunctionId = "synthetic-service-bus",
            Directory = AppDirectory,
            ScriptFile = typeof(SyntheticFunctions).Assembly.GetName().Name + ".dll",
            EntryPoint = typeof(SyntheticFunctions).FullName + "." + nameof(SyntheticFunctions.OnServiceBusMessage),
            Language = "dotnet-isolated",
        };
        metadata.Bindings["message"] = new BindingInfo
        {
            Type = "serviceBusTrigger",
            Direction = BindingInfo.Types.Direction.In,
            DataType = BindingInfo.Types.DataType.String,
        };
        var batch = Synthetic(EventHubBatchFunction, nameof(SyntheticFunctions.OnEventHubBatch), "events", "eventHubTrigger");
        batch.Bindings["events"].Properties["cardinality"] = "Many";
        return Task.FromResult<IEnumerable<RpcFunctionMetadata>>([metadata, batch]);
    }

    private static RpcFunctionMetadata Synthetic(string name, string method, string bindingName, string triggerType)
    {
        var metadata = new RpcFunctionMetadata
        {
            Name = name,
            FunctionId = "synthetic-" + name,
            Directory = AppDirectory,
            ScriptFile = typeof(SyntheticFunctions).Assembly.GetName().Name + ".dll",
            EntryPoint = typeof(SyntheticFunctions).FullName + "." + method,
            Language = "dotnet-isolated",
        };
        metadata.Bindings[bindingName] = new BindingInfo
        {
            Type = triggerType,
            Direction = BindingInfo.Types.Direction.In,
            DataType = BindingInfo.Types.DataType.String,
        };
        return metadata;
    }
}
