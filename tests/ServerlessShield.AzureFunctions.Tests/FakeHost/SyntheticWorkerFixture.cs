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
        return Task.FromResult<IEnumerable<RpcFunctionMetadata>>([metadata]);
    }
}
