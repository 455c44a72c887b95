namespace ServerlessShield;

/// <summary>
/// One piece of user-controlled data in an invocation: an HTTP body, a query value, a queue message, one record of a batch.
/// Adapters decide what is user input; platform metadata (request contexts, ARNs, receipt handles) is never an input.
/// </summary>
/// <param name="Path">Where the data sits in the event, used as the root of field paths in findings (<c>body</c>, <c>Records[2].body</c>).</param>
/// <param name="Data">The raw bytes, UTF-8 for text and JSON.</param>
/// <param name="Format">How to read the bytes.</param>
/// <param name="ItemId">For a record of a batch, the platform's id of that record (an SQS message id, a Kinesis sequence number).</param>
public sealed record ShieldInput(string Path, ReadOnlyMemory<byte> Data, InputFormat Format = InputFormat.Auto, string? ItemId = null)
{
    /// <summary>Whether the shield rewrote <see cref="Data"/> in Sanitize mode; adapters hand the handler this data instead of the original.</summary>
    public bool IsSanitized { get; init; }

    /// <summary>
    /// Whether the data travels beside the payload rather than being it: a request's path, query values, route values,
    /// headers and cookies; a message's attributes, properties and headers; an object key. Metadata is inspected for
    /// injection like the payload, but a validator of the payload's type (<c>ServerlessShield.FluentValidation</c>)
    /// does not read it. Adapters set this; default false.
    /// </summary>
    public bool IsMetadata { get; init; }

    /// <summary>Creates a text or JSON input from a string.</summary>
    /// <param name="path">Where the data sits in the event.</param>
    /// <param name="value">The value.</param>
    /// <param name="format">How to read it.</param>
    /// <param name="itemId">The batch record id, if any.</param>
    /// <returns>The input.</returns>
    public static ShieldInput FromString(string path, string value, InputFormat format = InputFormat.Auto, string? itemId = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(path, System.Text.Encoding.UTF8.GetBytes(value), format, itemId);
    }
}
