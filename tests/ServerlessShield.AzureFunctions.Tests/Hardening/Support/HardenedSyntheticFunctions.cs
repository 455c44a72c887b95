using Microsoft.Azure.Functions.Worker;
using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

/// <summary>
/// The hardening suite's functions for triggers whose worker extensions are not installed, loaded through hand-written
/// metadata (<see cref="HardenedSyntheticFixture"/>). Default limits; each records what it received and throws with a
/// secret when the invocation's trigger metadata asks for it.
/// </summary>
public static class HardenedSyntheticFunctions
{
    [Shield]
    public static void HardenedServiceBus(string message, FunctionContext context) => Run(context, message);

    [Shield]
    public static void HardenedServiceBusBatch(string[] messages, FunctionContext context) => Run(context, string.Join('\n', messages));

    [Shield]
    public static void HardenedEventHubBatch(string[] events, FunctionContext context) => Run(context, string.Join('\n', events));

    [Shield]
    public static void HardenedEventGrid(GridEvent gridEvent, FunctionContext context) => Run(context, gridEvent?.Id ?? string.Empty);

    [Shield]
    public static void HardenedCosmos(string documents, FunctionContext context) => Run(context, documents);

    [Shield]
    public static void HardenedBlob(byte[] content, FunctionContext context) => Run(context, Convert.ToHexString(content ?? []));

    private static void Run(FunctionContext context, string payload)
    {
        HardenedObservations.Record(context, payload);
        HardeningFunctions.ThrowIfAsked(context);
    }
}
