using System.Text.Json.Serialization;

namespace AzureFunctionsApp;

/// <summary>An order as the API receives it and the queue carries it.</summary>
public sealed record Order(string Sku, int Quantity);

/// <summary>Source-generated JSON for <see cref="Order"/>: no reflection, trim-safe.</summary>
[JsonSerializable(typeof(Order))]
internal sealed partial class OrderJsonContext : JsonSerializerContext;
