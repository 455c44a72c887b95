using System.Text.Json;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;

namespace ServerlessShield.AzureFunctions.Tests.FakeHost;

/// <summary>The HTTP response a worker sent back in an invocation response, in a form tests can assert on.</summary>
public sealed record HttpResult(int StatusCode, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public static HttpResult From(RpcHttp http)
    {
        var body = http.Body?.DataCase switch
        {
            TypedData.DataOneofCase.Bytes => http.Body.Bytes.ToStringUtf8(),
            TypedData.DataOneofCase.String => http.Body.String,
            TypedData.DataOneofCase.Stream => http.Body.Stream.ToStringUtf8(),
            _ => string.Empty,
        };
        var headers = new Dictionary<string, string>(http.Headers, StringComparer.OrdinalIgnoreCase);
        return new HttpResult(int.Parse(http.StatusCode, System.Globalization.CultureInfo.InvariantCulture), body, headers);
    }

    /// <summary>The HTTP result of a function whose response is its return value.</summary>
    public static HttpResult FromReturnValue(InvocationResponse response)
    {
        Assert.True(response.ReturnValue?.Http is not null, $"No HTTP return value; status {response.Result.Status}: {response.Result.Exception?.Message}");
        return From(response.ReturnValue!.Http);
    }

    /// <summary>The HTTP result of a function whose response is a named output binding of a multi-output object.</summary>
    public static HttpResult FromOutputBinding(InvocationResponse response, string bindingName)
    {
        var binding = response.OutputData.SingleOrDefault(b => b.Name == bindingName);
        Assert.True(binding?.Data?.Http is not null, $"No HTTP output binding '{bindingName}'; status {response.Result.Status}: {response.Result.Exception?.Message}");
        return From(binding!.Data.Http);
    }

    /// <summary>The correlation id of a problem+json body.</summary>
    public string ProblemCorrelationId()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.GetProperty("correlationId").GetString()!;
    }
}
