namespace ServerlessShield;

// Lets a user add an inline lambda as a middleware without writing a class.
internal sealed class DelegateMiddleware(Func<ShieldContext, ShieldDelegate, ValueTask> body, string name) : IShieldMiddleware
{
    public string Name { get; } = name;

    public ValueTask InvokeAsync(ShieldContext context, ShieldDelegate next) => body(context, next);

    public override string ToString() => Name;
}
