using System.Collections.Concurrent;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>Functions loaded through hand-written metadata (<see cref="SyntheticWorkerFixture"/>).</summary>
public static class SyntheticFunctions
{
    public const string Secret = "SharedAccessKey=sb-TopSecret";

    /// <summary>Every message the Service Bus function received.</summary>
    public static ConcurrentQueue<string> Received { get; } = new();

    [Shield(MaxPayloadBytes = 32)]
    public static void OnServiceBusMessage(string message)
    {
        Received.Enqueue(message);
        if (message.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Dead-letter store rejected " + Secret);
        }
    }

    /// <summary>Every batch the Event Hubs function received, joined with '|'.</summary>
    public static ConcurrentQueue<string> ReceivedBatches { get; } = new();

    [Shield(MaxPayloadBytes = 32)]
    public static void OnEventHubBatch(string[] events) => ReceivedBatches.Enqueue(string.Join('|', events));
}
