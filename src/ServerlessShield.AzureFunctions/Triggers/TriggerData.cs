namespace ServerlessShield.AzureFunctions;

// A trigger's payload as the shield reads it: nothing readable, one payload, or the records of a batch.
internal readonly struct TriggerData
{
    private TriggerData(ReadOnlyMemory<byte>? single, List<ReadOnlyMemory<byte>>? records)
    {
        Single = single;
        Records = records;
    }

    public static TriggerData None => default;

    /// <summary>The payload when it is one value.</summary>
    public ReadOnlyMemory<byte>? Single { get; }

    /// <summary>The records when the payload is a batch.</summary>
    public List<ReadOnlyMemory<byte>>? Records { get; }

    public bool IsNone => Single is null && Records is null;

    public static TriggerData One(ReadOnlyMemory<byte> bytes) => new(bytes, null);

    public static TriggerData Batch(List<ReadOnlyMemory<byte>> records) => new(null, records);
}
