namespace ServerlessShield;

// Validates one JSON payload and lists the failed properties with their rule codes.
internal interface IPayloadValidator
{
    ValueTask<IReadOnlyList<(string Property, string Code)>> ValidateAsync(ReadOnlyMemory<byte> json, CancellationToken cancellationToken);
}
