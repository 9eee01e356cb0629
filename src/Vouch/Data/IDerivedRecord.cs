namespace Vouch.Data;

/// <summary>
/// A record computed from others (a search index row, a tally), rebuilt from them at will. Its changes are not audited:
/// the changes it is computed from are.
/// </summary>
public interface IDerivedRecord;
