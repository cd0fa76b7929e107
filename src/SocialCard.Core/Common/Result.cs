namespace SocialCard.Core.Common;

/// <summary>The outcome of a domain operation that can be refused for an expected reason.</summary>
public readonly record struct Result(bool Succeeded, string? Error)
{
    public static Result Ok() => new(true, null);

    public static Result Fail(string error) => new(false, error);
}

/// <summary>The outcome of an operation that gives a value, or is refused for an expected reason (a Chinese message).</summary>
public readonly record struct Result<T>(bool Succeeded, T? Value, string? Error)
{
    public static Result<T> Ok(T value) => new(true, value, null);

    public static Result<T> Fail(string error) => new(false, default, error);

    public static implicit operator Result<T>(Result failure) => failure.Succeeded
        ? throw new InvalidOperationException("Only a refusal converts to a result with a value.")
        : Fail(failure.Error!);
}
