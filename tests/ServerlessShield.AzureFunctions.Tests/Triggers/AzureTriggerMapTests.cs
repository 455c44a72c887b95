using ServerlessShield.AzureFunctions.Tests.Support;

namespace ServerlessShield.AzureFunctions.Tests.Triggers;

public sealed class AzureTriggerMapTests
{
    [Theory]
    [InlineData("httpTrigger", EventSourceKind.Http)]
    [InlineData("queueTrigger", EventSourceKind.Queue)]
    [InlineData("serviceBusTrigger", EventSourceKind.Queue)]
    [InlineData("eventGridTrigger", EventSourceKind.PubSub)]
    [InlineData("blobTrigger", EventSourceKind.Storage)]
    [InlineData("eventHubTrigger", EventSourceKind.Stream)]
    [InlineData("cosmosDBTrigger", EventSourceKind.Database)]
    [InlineData("timerTrigger", EventSourceKind.Schedule)]
    [InlineData("HTTPTRIGGER", EventSourceKind.Http)]
    [InlineData("ServiceBusTrigger", EventSourceKind.Queue)]
    [InlineData("kafkaTrigger", EventSourceKind.Custom)]
    public void KindOf_BindingType_MapsToTheEventSourceFamily(string bindingType, EventSourceKind expected) =>
        Assert.Equal(expected, AzureTriggerMap.KindOf(bindingType));

    [Fact]
    public void SourceOf_UnknownTrigger_IsCustomNamedAfterTheBindingType()
    {
        var definition = new TestFunctionDefinition("OnKafka", ("events", "kafkaTrigger"));

        var source = AzureTriggerMap.SourceOf(AzureTriggerMap.FindTrigger(definition));

        Assert.Equal(new EventSourceInfo(EventSourceKind.Custom, "kafkaTrigger"), source);
    }

    [Fact]
    public void FindTrigger_SkipsOtherInputBindings()
    {
        var definition = new TestFunctionDefinition("Copy", ("blob", "blob"), ("message", "queueTrigger"));

        var trigger = AzureTriggerMap.FindTrigger(definition);

        Assert.Equal("message", trigger?.Name);
        Assert.Equal(EventSourceKind.Queue, AzureTriggerMap.SourceOf(trigger).Kind);
    }

    [Fact]
    public void SourceOf_NoTrigger_IsUnknown()
    {
        var definition = new TestFunctionDefinition("NoTrigger", ("blob", "blob"));

        Assert.Equal(EventSourceInfo.Unknown, AzureTriggerMap.SourceOf(AzureTriggerMap.FindTrigger(definition)));
    }
}
