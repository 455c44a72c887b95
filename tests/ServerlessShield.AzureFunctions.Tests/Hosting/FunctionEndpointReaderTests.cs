using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using ServerlessShield.AzureFunctions;

namespace ServerlessShield.AzureFunctions.Tests.Hosting;

public class FunctionEndpointReaderTests
{
    [Fact]
    public void Read_RawBindings_GivesTriggerTypeAndAuthLevel()
    {
        var metadata = new IFunctionMetadata[]
        {
            new DefaultFunctionMetadata
            {
                Name = "Open",
                RawBindings = ["""{"name":"req","type":"httpTrigger","direction":"In","authLevel":"Anonymous","methods":["get"]}""", """{"name":"$return","type":"http","direction":"Out"}"""],
            },
            new DefaultFunctionMetadata { Name = "Keyed", RawBindings = ["""{"name":"req","type":"httpTrigger","direction":"In","authLevel":"Function"}"""] },
            new DefaultFunctionMetadata { Name = "Queue", RawBindings = ["""{"name":"m","type":"queueTrigger","direction":"In","queueName":"q"}""", "not json"] },
        };

        var endpoints = FunctionEndpointReader.Read(metadata).ToList();

        Assert.Equal(
            [new FunctionEndpoint("Open", "httpTrigger", "Anonymous"), new FunctionEndpoint("Keyed", "httpTrigger", "Function"), new FunctionEndpoint("Queue", "queueTrigger", null)],
            endpoints);
        Assert.Equal("Open", Assert.Single(SettingsAudit.CheckFunctions(endpoints)).Subject);
    }
}
