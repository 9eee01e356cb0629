using Vouch.Features.Catalog;

namespace Vouch.Features.Import;

/// <summary>
/// Sets a field only when the file has its column and the value differs, and remembers what did: each changed field's
/// value before and after, which the import's audit keeps.
/// </summary>
internal sealed class Changes(RowReader row)
{
    private readonly Dictionary<string, (object? Before, object? After)> _fields = [];

    public bool Any => _fields.Count > 0;

    public bool Has(string field) => _fields.ContainsKey(field);

    /// <summary>The changed fields with their values before and after.</summary>
    public IReadOnlyDictionary<string, (object? Before, object? After)> Fields => _fields;

    public void Set<T>(string field, T current, T value, Action<T> set, bool always = false)
    {
        if ((always || row.Has(field)) && !EqualityComparer<T>.Default.Equals(current, value))
        {
            set(value);
            Changed(field, current, value);
        }
    }

    // A field written to two properties (an owner's user id, or their CRM id until they are a user) keeps its first
    // value before and its last after.
    private void Changed(string field, object? before, object? after) =>
        _fields[field] = (_fields.TryGetValue(field, out var earlier) ? earlier.Before : before, after);

    /// <summary>Sets a list when the file has its column and the list differs, order included.</summary>
    public void SetList(string field, List<string> current, List<string> value, Action<List<string>> set)
    {
        if (row.Has(field) && !current.SequenceEqual(value))
        {
            Changed(field, current, value);
            set(value);
        }
    }

    public void SetProducts(List<Product> current, List<string> names, ProductCatalog products)
    {
        if (!row.Has(ImportFields.Products))
        {
            return;
        }
        var wanted = names.Select(name => products[name]).DistinctBy(p => p.Id).ToList();
        if (current.Select(p => p.Id).ToHashSet().SetEquals(wanted.Select(p => p.Id)))
        {
            return;
        }
        Changed(ImportFields.Products, current.Select(p => p.Name).ToList(), wanted.Select(p => p.Name).ToList());
        current.Clear();
        current.AddRange(wanted);
    }
}
