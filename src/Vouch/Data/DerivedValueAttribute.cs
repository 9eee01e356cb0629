namespace Vouch.Data;

/// <summary>
/// A column computed from other records (a tally kept up to date with every vote), like a whole
/// <see cref="INotAudited"/> but on a record that is otherwise audited. An update that changes only such columns is
/// not audited, and they are left out of the entries of updates that change more: the changes they are computed from
/// are audited themselves.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DerivedValueAttribute : Attribute;
