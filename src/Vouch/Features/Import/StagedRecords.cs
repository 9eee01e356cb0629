namespace Vouch.Features.Import;

/// <summary>
/// The records a batch of a kind written in bulk creates and changes, with what changed of each. A record created by
/// the batch and changed by a later row of it is written once, as created.
/// </summary>
internal sealed class StagedRecords
{
    private readonly HashSet<object> _created = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<object, Changes> _changed = new(ReferenceEqualityComparer.Instance);

    public IEnumerable<object> CreatedRecords => _created;

    public IReadOnlyDictionary<object, Changes> ChangedRecords => _changed;

    public IReadOnlyList<T> CreatedOf<T>() => [.. _created.OfType<T>()];

    public IReadOnlyList<T> ChangedOf<T>() => [.. _changed.Keys.OfType<T>()];

    public void Created(object record) => _created.Add(record);

    /// <summary>Notes a change to an existing record, which gets a new version as a save through the context gives it.</summary>
    public void Changed(object record, Changes changes)
    {
        if (_created.Contains(record))
        {
            return;
        }
        if (record is Data.IVersioned versioned)
        {
            versioned.Version = Guid.NewGuid();
        }
        _changed[record] = changes;
    }
}
