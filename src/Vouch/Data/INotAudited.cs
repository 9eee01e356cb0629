namespace Vouch.Data;

/// <summary>
/// A record whose changes are not audited, because they say nothing a person decided: rows computed from other
/// records (an idea's search terms and demand, rebuilt from them at will, whose sources are audited) and the app's own
/// bookkeeping (job leases, queued emails, import jobs, the slices of an uploaded file).
/// </summary>
public interface INotAudited;
