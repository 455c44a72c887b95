using System.Collections.Concurrent;

namespace ServerlessShield;

/// <summary>Hands out <see cref="ShieldContext"/> instances and takes them back, reset, for reuse.</summary>
public sealed class ShieldContextPool
{
    private const int MaxRetained = 256;
    private readonly ConcurrentQueue<ShieldContext> _pool = new();
    private int _count;

    /// <summary>The pool shared by every engine in the process.</summary>
    public static ShieldContextPool Shared { get; } = new();

    /// <summary>Rents a clean context.</summary>
    /// <returns>A context with no state.</returns>
    public ShieldContext Get()
    {
        if (_pool.TryDequeue(out var context))
        {
            Interlocked.Decrement(ref _count);
            return context;
        }

        return new ShieldContext();
    }

    /// <summary>Returns a context; it is reset before anyone else can rent it.</summary>
    /// <param name="context">The context.</param>
    public void Return(ShieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Reset();
        if (Interlocked.Increment(ref _count) <= MaxRetained)
        {
            _pool.Enqueue(context);
        }
        else
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
