using System.Text.Json;
using System.Text.RegularExpressions;
using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;
using Status = ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc.StatusResult.Types.Status;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

/// <summary>
/// What a clean outcome of one invocation is, checked on the host's side of the protocol. Each check returns null when
/// the outcome is clean, else what is wrong with it.
/// </summary>
public static partial class CleanOutcome
{
    private static readonly HashSet<string> ProblemMembers = new(StringComparer.Ordinal) { "type", "title", "status", "correlationId", "errors" };

    /// <summary>
    /// HTTP: a 2xx from the function that ran on this invocation's own data, or a generic problem+json 4xx/5xx that
    /// names this invocation and carries no canary, no stack trace and no exception; never a failed invocation.
    /// </summary>
    public static string? OfHttp(string invocationId, InvocationResponse response, HardenedObservation? ran, bool functionThrows, string? expectedDigest)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.InvocationId != invocationId)
        {
            return $"the response names invocation {response.InvocationId}";
        }

        if (response.Result.Status != Status.Success)
        {
            return $"the HTTP invocation ended {response.Result.Status} ({response.Result.Exception?.Type}), not with an HTTP answer";
        }

        if (response.ReturnValue?.Http is null)
        {
            return "no HTTP response";
        }

        if (OfRun(invocationId, HardenedAppFixture.Http, ran, expectedDigest) is { } wrongRun)
        {
            return wrongRun;
        }

        var http = HttpResult.From(response.ReturnValue.Http);
        if (http.StatusCode is >= 200 and < 300)
        {
            if (ran is null)
            {
                return $"{http.StatusCode} but the function did not run";
            }

            if (functionThrows)
            {
                return $"{http.StatusCode} although the function threw";
            }

            return http.Body.StartsWith("ok:" + invocationId + ":", StringComparison.Ordinal) ? null : $"a 2xx body of another invocation: {http.Body}";
        }

        if (http.StatusCode is < 400 or > 599)
        {
            return $"status {http.StatusCode}";
        }

        if (ran is not null && !functionThrows)
        {
            return $"the function ran and returned, but the answer is {http.StatusCode}";
        }

        if (ran is not null && http.StatusCode != 500)
        {
            return $"the function threw, but the answer is {http.StatusCode}";
        }

        if (ran is null && http.StatusCode == 500)
        {
            // The shield never fails on input: a payload it cannot read is a finding, not a fault of its own.
            return "500 although the function did not run: the shield failed on the input";
        }

        return OfProblem(invocationId, http);
    }

    /// <summary>A generic problem+json answer that names the invocation and nothing else of it.</summary>
    public static string? OfProblem(string invocationId, HttpResult http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Headers.TryGetValue("Content-Type", out var contentType) || !contentType.StartsWith("application/problem+json", StringComparison.Ordinal))
        {
            return $"{http.StatusCode} without a problem+json content type";
        }

        if (!http.Headers.TryGetValue("X-Correlation-Id", out var header) || header != invocationId)
        {
            return $"{http.StatusCode} whose X-Correlation-Id is not the invocation id";
        }

        if (Leaks(http.Body) || http.Headers.Values.Any(Leaks))
        {
            return $"{http.StatusCode} problem carries the canary";
        }

        if (http.Body.Contains("   at ", StringComparison.Ordinal) || http.Body.Contains("Exception", StringComparison.Ordinal))
        {
            return $"{http.StatusCode} problem carries a stack trace or an exception: {http.Body}";
        }

        try
        {
            using var problem = JsonDocument.Parse(http.Body);
            var root = problem.RootElement;
            if (root.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !ProblemMembers.Contains(name)) is { } extra)
            {
                return $"{http.StatusCode} problem has an unexpected member '{extra}'";
            }

            if (root.GetProperty("status").GetInt32() != http.StatusCode || root.GetProperty("correlationId").GetString() != invocationId)
            {
                return $"{http.StatusCode} problem with another status or correlation id: {http.Body}";
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"{http.StatusCode} body is not a problem document: {http.Body}";
        }

        return null;
    }

    /// <summary>
    /// Non-HTTP: success of a function that ran on this invocation's data, or a failure the host retries or dead-letters
    /// whose exception is the shield's redacted one for this invocation, with no canary anywhere in it.
    /// </summary>
    public static string? OfTrigger(string invocationId, string function, InvocationResponse response, HardenedObservation? ran, bool functionThrows, string? expectedDigest)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.InvocationId != invocationId)
        {
            return $"the response names invocation {response.InvocationId}";
        }

        if (OfRun(invocationId, function, ran, expectedDigest) is { } wrongRun)
        {
            return wrongRun;
        }

        switch (response.Result.Status)
        {
            case Status.Success:
                return ran is null ? "success, but the function did not run" : functionThrows ? "success although the function threw" : null;
            case Status.Failure:
                var exception = response.Result.Exception;
                if (exception is null)
                {
                    return "a failure without an exception";
                }

                if (Leaks(response.Result.ToString()))
                {
                    return $"the failure carries the canary ({exception.Type})";
                }

                var match = Redacted().Match(exception.Message);
                if (!match.Success || match.Groups["id"].Value != invocationId || !string.IsNullOrEmpty(exception.StackTrace))
                {
                    return $"the failure is not the shield's redacted one for this invocation: {exception.Type}: {exception.Message}";
                }

                if (match.Groups["code"].Value == ShieldRules.ShieldFailure.Id)
                {
                    return "the shield failed on the input (SHIELD3002)";
                }

                if (ran is not null && !functionThrows)
                {
                    return $"the function ran and returned, but the invocation failed with {match.Groups["code"].Value}";
                }

                return ran is not null && match.Groups["code"].Value != ShieldRules.UnhandledException.Id
                    ? $"the function threw, but the failure is {match.Groups["code"].Value}"
                    : null;
            default:
                return $"the invocation ended {response.Result.Status}";
        }
    }

    public static bool Leaks(string? text) => text is not null && text.Contains(HardeningFunctions.Canary, StringComparison.Ordinal);

    /// <summary>The rule code of a redacted failure, or null.</summary>
    public static string? FailureCode(InvocationResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var match = Redacted().Match(response.Result.Exception?.Message ?? string.Empty);
        return match.Success ? match.Groups["code"].Value : null;
    }

    // When the function ran: it ran once, as this function, inside this invocation's shield context, on this invocation's data.
    private static string? OfRun(string invocationId, string function, HardenedObservation? ran, string? expectedDigest)
    {
        if (ran is null)
        {
            return null;
        }

        if (ran.Function != function)
        {
            return $"the function that ran for this invocation is {ran.Function}";
        }

        if (ran.ShieldInvocationId != invocationId || ran.ShieldCorrelationId != invocationId)
        {
            return $"the function ran inside the shield context of {ran.ShieldInvocationId} (correlation {ran.ShieldCorrelationId})";
        }

        return expectedDigest is not null && ran.PayloadDigest != expectedDigest ? $"the function received another payload: {ran.PayloadHead}" : null;
    }

    [GeneratedRegex(@"^The invocation failed \((?<code>SHIELD\d{4})\)\. Correlation id: (?<id>[^ ]+)\.$")]
    private static partial Regex Redacted();
}
