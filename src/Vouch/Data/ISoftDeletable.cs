namespace Vouch.Data;

/// <summary>
/// A record that deleting hides rather than removes, so a reference manager can undo it; a query filter keeps
/// deleted records out of every query that does not ask for them with <c>IgnoreQueryFilters</c>.
/// </summary>
public interface ISoftDeletable
{
    DateTimeOffset? DeletedAt { get; set; }
}
