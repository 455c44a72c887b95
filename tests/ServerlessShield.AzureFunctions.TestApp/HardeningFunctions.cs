using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace ServerlessShield.AzureFunctions.TestApp;

/// <summary>
/// Functions the hardening suite (fuzzing, concurrency, faults) drives with generated payloads: default limits, and each
/// records what it received and which shield invocation it ran in, so a test can tell whether it ran and on whose data.
/// </summary>
public static class HardeningFunctions
{
    /// <summary>Planted in payloads and in the secrets of exception messages; must never reach a log line or a failure.</summary>
    public const string Canary = "CANARY-a2f9c1-do-not-leak";

    /// <summary>Trigger metadata key (non-HTTP) or Accept header value (HTTP) that makes a function throw with a secret.</summary>
    public const string ThrowKey = "HardeningThrow";

    [Function("HardenedHttp")]
    [Shield]
    public static async Task<HttpResponseData> HardenedHttp(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "hardened/{id}")] HttpRequestData req, string id, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(req);
        var body = await req.ReadAsStringAsync() ?? string.Empty;
        HardenedObservations.Record(context, body);
        if (req.Headers.TryGetValues("Accept", out var accept) && accept.Contains(ThrowKey, StringComparer.Ordinal))
        {
            throw Failure();
        }

        var response = req.CreateResponse(HttpStatusCode.OK);
        await response.WriteStringAsync("ok:" + context.InvocationId + ":" + id.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    [Function("HardenedQueue")]
    [Shield]
    [QueueOutput("hardened-out")]
    public static string HardenedQueue([QueueTrigger("hardened")] string message, FunctionContext context)
    {
        HardenedObservations.Record(context, message);
        ThrowIfAsked(context);
        return "processed:" + context.InvocationId;
    }

    [Function("HardenedTypedQueue")]
    [Shield]
    public static void HardenedTypedQueue([QueueTrigger("hardened-typed")] Order order, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(order);
        HardenedObservations.Record(context, order.Sku ?? string.Empty);
        ThrowIfAsked(context);
    }

    /// <summary>Runs until the host cancels the invocation.</summary>
    [Function("HardenedSlowHttp")]
    [Shield]
    public static async Task<HttpResponseData> HardenedSlowHttp([HttpTrigger(AuthorizationLevel.Anonymous, "post")] HttpRequestData req, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(req);
        ArgumentNullException.ThrowIfNull(context);
        HardenedObservations.Record(context, "started");
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return req.CreateResponse(HttpStatusCode.OK);
    }

    /// <summary>The leak control: no shield, and the message goes into the exception the worker logs and returns.</summary>
    [Function("UnshieldedLeakyQueue")]
    public static void UnshieldedLeakyQueue([QueueTrigger("leaky")] string message) =>
        throw new InvalidOperationException("Rejected message " + message);

    /// <summary>Throws with a secret when the invocation's trigger metadata asks for it.</summary>
    public static void ThrowIfAsked(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.BindingContext.BindingData.ContainsKey(ThrowKey))
        {
            throw Failure();
        }
    }

    private static InvalidOperationException Failure() => new("Store failed: password=" + Canary);
}

/// <summary>What each hardening function saw, by invocation id.</summary>
public static class HardenedObservations
{
    private static readonly ConcurrentDictionary<string, HardenedObservation> Seen = new(StringComparer.Ordinal);

    public static void Record(FunctionContext context, string payload)
    {
        ArgumentNullException.ThrowIfNull(context);
        var shield = ShieldContext.Current;
        var observation = new HardenedObservation(context.FunctionDefinition.Name, shield?.InvocationId, shield?.CorrelationId, Digest(payload),
            payload.Length > 512 ? payload[..512] : payload);
        if (!Seen.TryAdd(context.InvocationId, observation))
        {
            // A function ran twice for one invocation: make it visible to the test instead of overwriting.
            Seen[context.InvocationId] = observation with { Function = "DUPLICATE:" + observation.Function };
        }
    }

    /// <summary>Whether the function has started for an invocation.</summary>
    public static bool Started(string invocationId) => Seen.ContainsKey(invocationId);

    /// <summary>Takes (and forgets) what the function saw in an invocation; null if it did not run.</summary>
    public static HardenedObservation? Take(string invocationId) => Seen.TryRemove(invocationId, out var seen) ? seen : null;

    public static string Digest(string payload) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
}

/// <summary>One run of a hardening function: its name, the shield invocation it ran in, and its payload's digest and head.</summary>
public sealed record HardenedObservation(string Function, string? ShieldInvocationId, string? ShieldCorrelationId, string PayloadDigest, string PayloadHead);
