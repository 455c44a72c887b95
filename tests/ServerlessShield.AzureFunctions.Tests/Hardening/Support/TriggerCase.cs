using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

public enum TriggerKind
{
    Queue,
    TypedQueue,
    ServiceBus,
    ServiceBusBatch,
    EventHubBatch,
    EventGrid,
    Cosmos,
    Blob,
}

/// <summary>
/// One generated non-HTTP invocation: the trigger, its records (JSON documents, one of them damaged), user-set
/// properties or a blob path, and whether the function throws.
/// </summary>
public sealed record TriggerCase(TriggerKind Kind, IReadOnlyList<string> Records, Damage Damage, int Damaged, string Properties, string Extra, bool Throws)
{
    public static Gen<TriggerCase> Generator =>
        from kind in Gen.Elements(Enum.GetValues<TriggerKind>())
        from records in Gen.NonEmptyListOf(WorkerFuzzGen.Json)
        from damage in WorkerFuzzGen.Damage
        from damaged in Gen.Choose(0, 3)
        from properties in WorkerFuzzGen.JsonObject
        from extra in WorkerFuzzGen.Text
        from throws in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new TriggerCase(kind, [.. records.Take(4)], damage, damaged, properties, extra, throws);

    public bool IsApp => Kind is TriggerKind.Queue or TriggerKind.TypedQueue;

    public string Function => Kind switch
    {
        TriggerKind.Queue => HardenedAppFixture.Queue,
        TriggerKind.TypedQueue => HardenedAppFixture.TypedQueue,
        TriggerKind.ServiceBus => HardenedSyntheticFixture.ServiceBus,
        TriggerKind.ServiceBusBatch => HardenedSyntheticFixture.ServiceBusBatch,
        TriggerKind.EventHubBatch => HardenedSyntheticFixture.EventHubBatch,
        TriggerKind.EventGrid => HardenedSyntheticFixture.EventGrid,
        TriggerKind.Cosmos => HardenedSyntheticFixture.Cosmos,
        _ => HardenedSyntheticFixture.Blob,
    };

    // The records as the host delivers them: text, with the damaged one decoded the way a host would (invalid bytes replaced).
    private string[] Texts => [.. Records.Select((r, i) => i == Damaged % Records.Count ? Encoding.UTF8.GetString(WorkerFuzzGen.Apply(r, Damage)) : r)];

    // A single payload: the first record, damaged, as bytes (a blob keeps invalid UTF-8 as it is).
    private byte[] Single => WorkerFuzzGen.Apply(Records[0], Damage);

    private string SingleText => Encoding.UTF8.GetString(Single);

    /// <summary>The invocation request the host would send.</summary>
    public InvocationRequest ToRequest(HardenedWorkerFixture worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var request = worker.NewRequest(Function);
        var metadata = request.TriggerMetadata;
        switch (Kind)
        {
            case TriggerKind.Queue:
                Add(request, "message", new TypedData { String = SingleText });
                metadata["QueueTrigger"] = new TypedData { String = SingleText };
                AddQueueMetadata(metadata);
                break;
            case TriggerKind.TypedQueue:
                Add(request, "order", new TypedData { Json = SingleText });
                metadata["QueueTrigger"] = new TypedData { String = SingleText };
                AddQueueMetadata(metadata);
                break;
            case TriggerKind.ServiceBus:
                Add(request, "message", new TypedData { String = SingleText });
                metadata["MessageId"] = new TypedData { String = Guid.NewGuid().ToString() };
                metadata["DeliveryCount"] = new TypedData { Json = "1" };
                metadata["ApplicationProperties"] = new TypedData { Json = Properties };
                break;
            case TriggerKind.ServiceBusBatch:
                Add(request, "messages", Strings(Texts));
                metadata["MessageIdArray"] = new TypedData { Json = "[" + string.Join(",", Texts.Select((_, i) => "\"id-" + i.ToString(CultureInfo.InvariantCulture) + "\"")) + "]" };
                metadata["ApplicationPropertiesArray"] = new TypedData { Json = "[" + string.Join(",", Texts.Select(_ => Properties)) + "]" };
                break;
            case TriggerKind.EventHubBatch:
                Add(request, "events", Strings(Texts));
                metadata["SequenceNumberArray"] = new TypedData { Json = "[" + string.Join(",", Texts.Select((_, i) => (4100 + i).ToString(CultureInfo.InvariantCulture))) + "]" };
                metadata["PropertiesArray"] = new TypedData { Json = "[" + string.Join(",", Texts.Select(_ => Properties)) + "]" };
                break;
            case TriggerKind.EventGrid:
                var data = Encoding.UTF8.GetString(WorkerFuzzGen.Apply(Records[0], Damage with { Mutation = Mutation.None }));
                var envelope = "{\"id\":" + System.Text.Json.JsonSerializer.Serialize(Extra) + ",\"eventType\":\"Orders.Created\",\"subject\":\"/orders/1\",\"dataVersion\":\"1\","
                    + "\"eventTime\":\"2026-01-01T00:00:00Z\",\"topic\":\"/subscriptions/x/topics/t\",\"data\":" + data + "}";
                Add(request, "gridEvent", new TypedData { Json = Encoding.UTF8.GetString(WorkerFuzzGen.Apply(envelope, Damage)) });
                break;
            case TriggerKind.Cosmos:
                Add(request, "documents", new TypedData { Json = Encoding.UTF8.GetString(WorkerFuzzGen.Apply("[" + string.Join(",", Records) + "]", Damage)) });
                break;
            default:
                Add(request, "content", new TypedData { Bytes = ByteString.CopyFrom(Single) });
                metadata["BlobTrigger"] = new TypedData { String = "uploads/" + Extra };
                metadata["Uri"] = new TypedData { String = "https://account.blob.core.windows.net/uploads/x" };
                break;
        }

        if (Throws)
        {
            metadata[HardeningFunctions.ThrowKey] = new TypedData { String = "1" };
        }

        return request;
    }

    /// <summary>The digest of the payload the function records when it runs, where the payload is deterministic; else null.</summary>
    public string? ExpectedDigest() => Kind switch
    {
        TriggerKind.Queue or TriggerKind.ServiceBus => HardenedObservations.Digest(SingleText),
        TriggerKind.ServiceBusBatch or TriggerKind.EventHubBatch => HardenedObservations.Digest(string.Join('\n', Texts)),
        TriggerKind.Blob => HardenedObservations.Digest(Convert.ToHexString(Single)),
        _ => null,
    };

    public override string ToString() =>
        $"{Kind} {Damage} damaged={Damaged} throws={Throws} extra={HttpCase.Show(Extra)} properties={HttpCase.Show(Properties)} records=[{string.Join(",", Records.Select(HttpCase.Show))}]";

    private static void Add(InvocationRequest request, string name, TypedData data) => request.InputData.Add(new ParameterBinding { Name = name, Data = data });

    private static TypedData Strings(IEnumerable<string> values)
    {
        var collection = new CollectionString();
        collection.String.Add(values);
        return new TypedData { CollectionString = collection };
    }

    private static void AddQueueMetadata(Google.Protobuf.Collections.MapField<string, TypedData> metadata)
    {
        metadata["DequeueCount"] = new TypedData { Json = "1" };
        metadata["Id"] = new TypedData { String = Guid.NewGuid().ToString() };
    }
}
