namespace ServerlessShield;

/// <summary>
/// A detector that also judges JSON property names on their own: a name can be an attack where the same text as a
/// value is not (<c>{"password": {"$ne": null}}</c> smuggles a query operator in as a key).
/// </summary>
public interface IPropertyNameDetector : IInjectionDetector
{
    /// <summary>Whether a property name, as a key of a JSON object, carries this class of injection.</summary>
    /// <param name="name">The unescaped property name.</param>
    /// <returns>True when the name is an attack.</returns>
    bool IsMatchPropertyName(ReadOnlySpan<char> name);
}
