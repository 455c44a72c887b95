namespace ServerlessShield;

/// <summary>A typed key for per-invocation state in <see cref="ShieldContext"/>. Compared by reference: keep one instance.</summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <param name="name">A name for debugging.</param>
public sealed class ShieldPropertyKey<T>(string name)
{
    /// <summary>The name.</summary>
    public string Name { get; } = name;

    /// <inheritdoc />
    public override string ToString() => Name;
}
