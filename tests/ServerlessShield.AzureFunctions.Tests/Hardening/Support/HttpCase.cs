using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using ServerlessShield.AzureFunctions.TestApp;
using ServerlessShield.AzureFunctions.Tests.FakeHost.Rpc;

namespace ServerlessShield.AzureFunctions.Tests.Hardening.Support;

/// <summary>One generated HTTP invocation of <c>HardenedHttp</c>: body, content type, method, query, headers and route value.</summary>
public sealed record HttpCase(
    string Json,
    Damage Damage,
    string? ContentType,
    string Method,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    string? RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string RouteId,
    bool Throws)
{
    private static readonly string[] HeaderNames = ["User-Agent", "Referer", "X-Forwarded-For", "Origin", "X-Tenant-Note", "Cookie", "Accept-Language", "X-MS-Client-Principal-Name"];

    public byte[] Body => WorkerFuzzGen.Apply(Json, Damage);

    public static Gen<HttpCase> Generator =>
        from json in WorkerFuzzGen.Json
        from damage in WorkerFuzzGen.Damage
        from contentType in Gen.Elements<string?>("application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", null, "application/problem+json")
        from method in Gen.Elements("POST", "POST", "GET")
        from query in Gen.Frequency<IList<KeyValuePair<string, string>>>(
            (2, Gen.ListOf(from key in Gen.Elements("q", "id", "filter", "page", "<k>", "a b") from value in WorkerFuzzGen.Text select new KeyValuePair<string, string>(key, value)).Select(l => (IList<KeyValuePair<string, string>>)l)),
            (1, Gen.Constant<IList<KeyValuePair<string, string>>>(new List<KeyValuePair<string, string>>())))
        from rawQuery in Gen.Frequency((9, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>("?%zz=1", "?a=%00%ff&&=&b", "?%E0%A4%A=x", "?x=" + WorkerFuzzGen.Canary + "%3Cscript%3E", "?q=%C0%AF..%C0%AF")))
        from headers in Gen.Frequency<IList<KeyValuePair<string, string>>>(
            (2, Gen.ListOf(from name in Gen.Elements(HeaderNames) from value in WorkerFuzzGen.Text select new KeyValuePair<string, string>(name, HeaderValue(name, value))).Select(l => (IList<KeyValuePair<string, string>>)l)),
            (1, Gen.Constant<IList<KeyValuePair<string, string>>>(new List<KeyValuePair<string, string>>())))
        from routeId in Gen.Frequency((2, WorkerFuzzGen.Text.Where(s => s.Length > 0)), (1, Gen.Elements("42", "order-7", "a b")))
        from throws in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new HttpCase(json, damage, contentType, method, [.. query.Take(6)], rawQuery, [.. headers.Take(6)], routeId, throws);

    // One cookie with a fixed name: cookie names, like JSON keys, are field names and appear in findings by design.
    private static string HeaderValue(string name, string value) =>
        name == "Cookie" ? "session=" + value.Replace(";", string.Empty, StringComparison.Ordinal) : value;

    /// <summary>The invocation request the host would send for this request.</summary>
    public InvocationRequest ToRequest(HardenedWorkerFixture worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var query = RawQuery ?? (Query.Count == 0 ? string.Empty : "?" + string.Join("&", Query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value))));
        var http = new RpcHttp
        {
            Method = Method,
            Url = "http://localhost/api/hardened/" + Uri.EscapeDataString(RouteId) + query,
            Body = new TypedData { Bytes = ByteString.CopyFrom(Body) },
        };
        if (ContentType is not null)
        {
            http.NullableHeaders["content-type"] = new NullableString { Value = ContentType };
        }

        foreach (var (name, value) in Headers)
        {
            http.NullableHeaders[name] = new NullableString { Value = value };
        }

        if (Throws)
        {
            http.NullableHeaders["Accept"] = new NullableString { Value = HardeningFunctions.ThrowKey };
        }

        http.Params["id"] = RouteId;
        var request = worker.NewRequest(HardenedAppFixture.Http);
        request.InputData.Add(new ParameterBinding { Name = "req", Data = new TypedData { Http = http } });
        request.TriggerMetadata["id"] = new TypedData { String = RouteId };
        request.TriggerMetadata["Query"] = new TypedData { Json = JsonSerializer.Serialize(Query.GroupBy(q => q.Key).ToDictionary(g => g.Key, g => g.Last().Value)) };
        request.TriggerMetadata["Headers"] = new TypedData { Json = JsonSerializer.Serialize(Headers.GroupBy(h => h.Key).ToDictionary(g => g.Key, g => g.Last().Value)) };
        return request;
    }

    /// <summary>The digest of the body as the function reads it (<c>ReadAsStringAsync</c>: UTF-8, byte order marks honoured).</summary>
    public string BodyDigest()
    {
        using var reader = new StreamReader(new MemoryStream(Body), Encoding.UTF8);
        return HardenedObservations.Digest(reader.ReadToEnd());
    }

    public override string ToString() =>
        $"{Method} {Damage} ct={ContentType ?? "-"} throws={Throws} route={Show(RouteId)} query={RawQuery ?? string.Join("&", Query.Select(q => q.Key + "=" + Show(q.Value)))} "
        + $"headers={string.Join(";", Headers.Select(h => h.Key + ":" + Show(h.Value)))} json={Show(Json)}";

    internal static string Show(string text) => JsonSerializer.Serialize(text.Length > 200 ? text[..200] + "..." : text);
}
