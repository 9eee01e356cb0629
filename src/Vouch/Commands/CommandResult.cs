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

    /// <summary>A record looked up by id: the record, or <paramref name="missing"/> when there is none.</summary>
    public static CommandResult<T> Found<T>(T? record, Refusal missing) where T : class => record is null ? missing : record;
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
    public CommandResult<TOut> Map<TOut>(Func<T, TOut> map) => Succeeded ? map(Value) : Refusal;

    public async Task<CommandResult<TOut>> MapAsync<TOut>(Func<T, Task<TOut>> map) => Succeeded ? await map(Value) : Refusal;
}
