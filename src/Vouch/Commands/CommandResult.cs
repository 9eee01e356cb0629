using System.Diagnostics.CodeAnalysis;

namespace Vouch.Commands;

/// <summary>
/// What a command came to: success, or a <see cref="Commands.Refusal"/> and nothing changed. Services return it;
/// <c>Web/CommandResults.cs</c> answers it as problem details for the API and as model state for the pages.
/// </summary>
public sealed class CommandResult
{
    public static readonly CommandResult Success = new(null);

    private CommandResult(Refusal? refusal) => Refusal = refusal;

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    public static implicit operator CommandResult(Refusal refusal) => new(refusal);

    /// <summary>On success, what <paramref name="read"/> reads (the record as the command left it); else the refusal.</summary>
    public async Task<CommandResult<T>> ThenAsync<T>(Func<Task<T>> read) => Succeeded ? await read() : Refusal;
}

/// <summary>What a command that makes or changes a record came to: the record, or a refusal and nothing changed.</summary>
public sealed class CommandResult<T>
{
    private CommandResult(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Succeeded => Refusal is null;

    public static implicit operator CommandResult<T>(T value) => new(value, null);

    public static implicit operator CommandResult<T>(Refusal refusal) => new(default, refusal);

    /// <summary>The same outcome with the value turned into another (a record into its response).</summary>
    public async Task<CommandResult<TOut>> MapAsync<TOut>(Func<T, Task<TOut>> map) => Succeeded ? await map(Value) : Refusal;
}

/// <summary>A lookup answered in the terms of a command, so that an endpoint answers both through one mapping.</summary>
public static class Lookup
{
    /// <summary>The record found, or the refusal that it is not there, naming it as a sentence starts it: "The idea".</summary>
    public static CommandResult<T> OrNotFound<T>(this T? found, string what) where T : class =>
        found is null ? Refusal.NotFound(what) : found;
}
