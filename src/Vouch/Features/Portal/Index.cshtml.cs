using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vouch.Features.Portal;

public sealed class IndexModel : PageModel;
