using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Core;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>
/// Functions loaded through hand-written metadata (<see cref="SyntheticWorkerFixture"/>): the triggers whose worker
/// extensions are not available here, and shapes the SDK's generated executor does not need. Each records what it
/// received, so a test can tell whether it ran.
/// </summary>
public static class SyntheticFunctions
{
    public const string Secret = "SharedAccessKey=sb-TopSecret";

    /// <summary>What each function received, one line per invocation.</summary>
    public static ConcurrentQueue<string> Received { get; } = new();

    /// <summary>Every batch the Event Hubs function received, joined with '|'.</summary>
    public static ConcurrentQueue<string> ReceivedBatches { get; } = new();

    [Shield(MaxPayloadBytes = 32)]
    public static void OnServiceBusMessage(string message)
    {
        Received.Enqueue(message);
        if (message.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Dead-letter store rejected " + Secret);
        }
    }

    /// <summary>A Service Bus message validated as a <see cref="TypedValidation.Order"/> (see <see cref="SyntheticWorkerFixture"/>).</summary>
    [Shield]
    public static void OnValidatedServiceBusMessage(string message) => Received.Enqueue(message);

    [Shield(MaxPayloadBytes = 64)]
    public static void OnServiceBusBatch(string[] messages) => ReceivedBatches.Enqueue(string.Join('|', messages));

    [Shield(MaxPayloadBytes = 32)]
    public static void OnEventHubBatch(string[] events) => ReceivedBatches.Enqueue(string.Join('|', events));

    [Shield(MaxPayloadBytes = 64)]
    public static void OnEventHubReadings(Reading[] readings) => ReceivedBatches.Enqueue(string.Join('|', readings.Select(r => r.Device)));

    [Shield(MaxPayloadBytes = 128)]
    public static void OnCosmosDocuments(IReadOnlyList<TodoDocument> documents) => ReceivedBatches.Enqueue(string.Join('|', documents.Select(d => d.Id)));

    [Shield(MaxPayloadBytes = 1024)]
    public static void OnEventGridEvent(GridEvent gridEvent) => Received.Enqueue("grid:" + gridEvent.Id);

    [Shield(MaxPayloadBytes = 1024)]
    public static void OnEventGridBatch(GridEvent[] events) => ReceivedBatches.Enqueue(string.Join('|', events.Select(e => e.Id)));

    [Shield]
    public static void OnEventGridValidated(string gridEvent) => Received.Enqueue("validated-function-ran:" + gridEvent.Length);

    [Shield(MaxPayloadBytes = 64)]
    public static void OnBlobBytes(byte[] content) => Received.Enqueue("blob-bytes:" + content.Length);

    [Shield]
    public static void OnImageBlob(byte[] content) => Received.Enqueue("image-blob:" + content.Length);

    [Shield]
    public static void OnBlobReference(ModelBindingData blob) => Received.Enqueue("blob-reference:" + blob.Source);

    [Shield(MaxPayloadBytes = 32)]
    public static void OnCustomTrigger(string payload) => Received.Enqueue("custom:" + payload);

    [Shield(MaxPayloadBytes = 160)]
    public static void OnTimerTick(TimerInfo timer) => Received.Enqueue("timer:" + timer.IsPastDue);

    /// <summary>No attribute: shielded through <c>ShieldOptions.ForFunction</c> only.</summary>
    public static void OnConfiguredMessage(string message) => Received.Enqueue("configured:" + message);

    [Shield]
    public static async Task OnSlowMessage(string message, CancellationToken cancellationToken)
    {
        Received.Enqueue("slow-started:" + message);
        await Task.Delay(Timeout.Infinite, cancellationToken);
    }
}

public sealed record Reading(string Device, double Value);

public sealed record TodoDocument(string Id, string Title);

public sealed class GridEvent
{
    public string Id { get; set; } = string.Empty;

    public string? EventType { get; set; }

    public string? Subject { get; set; }

    public object? Data { get; set; }
}
