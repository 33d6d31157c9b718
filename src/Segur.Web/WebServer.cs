using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Scalar.AspNetCore;
using Segur.Engine;
using Segur.Web.Api;
using Segur.Web.Pages;
using Segur.Web.Questionnaire;
using Segur.Web.Simulation;
using Segur.Web.Storage;

namespace Segur.Web;

/// <summary>
/// The segur web server: one ASP.NET Core process on 127.0.0.1 with the embedded legislation and the
/// run store (SQLite in the data folder, or PostgreSQL). French pages rendered on the server, JSON API
/// under <c>/api</c> with its OpenAPI document (<c>/api/openapi.json</c>) and reference page (<c>/api/reference</c>).
/// </summary>
public static class WebServer
{
    public const string Csp = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Builds the application; <paramref name="configure"/> lets tests swap the server (TestServer).</summary>
    public static WebApplication Build(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        Directory.CreateDirectory(options.DataFolder);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = Math.Max(options.MaxJsonBytes, options.MaxUploadBytes + (1 << 20));
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            k.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(240, TimeSpan.FromSeconds(10));
        });
        var s = builder.Services;
        s.AddSingleton(options);
        s.AddSingleton<LawService>();
        s.AddSingleton<Verification>();
        s.AddSingleton<SimulationService>();
        s.AddSingleton<WhatIf>();
        s.AddSingleton(new WriteToken(options.Token));
        s.AddSingleton<IRunStore>(_ => options.PostgresConnection is { Length: > 0 } pg ? SqlRunStore.Postgres(pg) : SqlRunStore.Sqlite(options.DataFolder));
        s.AddSingleton<ConcernePage>();
        s.AddSingleton<ArrearsPage>();
        s.AddSingleton<LegislationPages>();
        s.AddSingleton<ReformPages>();
        s.AddRequestTimeouts(o =>
        {
            o.DefaultPolicy = new RequestTimeoutPolicy { Timeout = options.RequestTimeout, TimeoutStatusCode = 503 };
            o.AddPolicy("simulation", new RequestTimeoutPolicy { Timeout = options.SimulationTimeout, TimeoutStatusCode = 503 });
        });
        s.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "API segur";
                doc.Info.Version = "1";
                doc.Info.Description = "Vérifier un profil (même JSON que « segur verifier --format json »), simuler une population, lire la législation, enregistrer des calculs. Les écritures demandent le jeton configuré au démarrage (en-tête Authorization: Bearer). Erreurs en français (application/problem+json : detail, champ, erreurs).";
                return Task.CompletedTask;
            });
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Services.GetRequiredService<LawService>();
        app.Services.GetRequiredService<IRunStore>().MigrateAsync().GetAwaiter().GetResult();

        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h.XFrameOptions = "DENY";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!ctx.Request.Path.StartsWithSegments("/api/reference")) h.ContentSecurityPolicy = Csp;
            await next();
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = HandleError, StatusCodeSelector = _ => 500 });
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            if (http.Response.HasStarted || http.Response.ContentLength is > 0) return;
            var status = http.Response.StatusCode;
            var message = status switch
            {
                404 => $"{http.Request.Path} : adresse inconnue",
                405 => $"{http.Request.Method} {http.Request.Path} : méthode non autorisée",
                413 => "requête trop volumineuse",
                415 => $"type de contenu « {http.Request.ContentType ?? "absent"} » non pris en charge ; attendu application/json (UTF-8)",
                503 => "délai de traitement dépassé ou serveur occupé ; réessayez",
                _ => Problem.Title(status),
            };
            await Respond(http, status, message, []);
        });
        app.UseRequestTimeouts();

        app.MapOpenApi("/api/openapi.json");
        app.MapScalarApiReference("/api/reference", o =>
        {
            o.WithTitle("API segur — référence interactive")
             .WithOpenApiRoutePattern("/api/openapi.json")
             .DisableDefaultFonts()
             .DisableTelemetry()
             .HideDeveloperTools()
             .DisableAgent()
             .DisableMcp()
             .WithNonce();
        }).AddEndpointFilter(async (ctx, next) =>
        {
            var result = await next(ctx);
            var nonce = ctx.HttpContext.Items.TryGetValue(ScalarOptions.NonceHttpContextItemKey, out var n) ? n as string : null;
            // The reference page is Scalar's single-page application: its own scripts (by nonce), inline styles.
            ctx.HttpContext.Response.Headers.ContentSecurityPolicy =
                $"default-src 'none'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
            return result;
        });

        ApiEndpoints.Map(app);
        MapPages(app);
        MapStatic(app);
        return app;
    }

    private static void MapPages(WebApplication app)
    {
        // The HTML pages are not part of the API document.
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", (LawService l, IRunStore store) => HomePage.Render(l, store));
        pages.MapGet("/concerne", (HttpRequest r, ConcernePage p) => p.Handle(r));
        pages.MapGet("/rappels", (HttpRequest r, ArrearsPage p) => p.Handle(r));
        pages.MapGet("/legislation", (LegislationPages p) => p.Index());
        pages.MapGet("/legislation/mesures/{id}", (string id, LegislationPages p) => p.Measure(id));
        pages.MapGet("/legislation/parametres/{id}", (string id, LegislationPages p) => p.Parameter(id));
        pages.MapGet("/legislation/textes", (LegislationPages p) => p.Texts());
        pages.MapGet("/reforme", (HttpRequest r, ReformPages p) => p.Form(r));
        pages.MapGet("/reforme/telecharger", (HttpRequest r, ReformPages p) => p.Download(r));
        pages.MapPost("/reforme/preparer", (HttpRequest r, ReformPages p, CancellationToken ct) => p.Prepare(r, ct)).DisableAntiforgery();
        pages.MapPost("/reforme", (HttpRequest r, ReformPages p, CancellationToken ct) => p.Run(r, ct)).WithRequestTimeout("simulation").DisableAntiforgery();
        pages.MapGet("/simulations", (ReformPages p, CancellationToken ct) => p.List(ct));
        pages.MapPost("/simulations", (HttpRequest r, ReformPages p, CancellationToken ct) => p.Save(r, ct)).WithRequestTimeout("simulation").DisableAntiforgery();
        pages.MapGet("/simulations/comparer", (HttpRequest r, ReformPages p, CancellationToken ct) => p.Compare(r, ct));
        pages.MapGet("/simulations/{id:long}", (long id, ReformPages p, CancellationToken ct) => p.Show(id, ct));
    }

    private static void MapStatic(WebApplication app)
    {
        var asm = typeof(WebServer).Assembly;
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("static/", StringComparison.Ordinal)))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            var bytes = ms.ToArray();
            var type = Path.GetExtension(name) switch { ".css" => "text/css; charset=utf-8", ".js" => "text/javascript; charset=utf-8", ".svg" => "image/svg+xml", _ => "application/octet-stream" };
            app.MapGet("/" + name, (HttpContext ctx) =>
            {
                ctx.Response.Headers.CacheControl = "public, max-age=3600";
                return Results.Bytes(bytes, type);
            }).ExcludeFromDescription();
        }
    }

    private static async Task HandleError(HttpContext ctx)
    {
        var e = ctx.Features.Get<IExceptionHandlerFeature>()?.Error;
        var (status, message, details) = e switch
        {
            WebProblem p => (p.Status, p.Message, p.Details),
            SegurException s => (400, s.Message, s.Details),
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == 413 ? "requête trop volumineuse" : "requête mal formée", (IReadOnlyList<string>)[]),
            OperationCanceledException or TimeoutException => (503, "délai de traitement dépassé ; réduisez la période ou la population", []),
            _ => (500, "erreur interne du serveur ; merci de signaler ce problème avec la requête utilisée", []),
        };
        await Respond(ctx, status, message, details);
    }

    private static async Task Respond(HttpContext ctx, int status, string message, IReadOnlyList<string> details)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            await Problem.Result(status, message, details).ExecuteAsync(ctx);
            return;
        }
        await Layout.Error(status, Problem.Title(status), string.Join(" ; ", new[] { message }.Concat(details.Take(10)))).ExecuteAsync(ctx);
    }

    /// <summary>The address the server listens on (after start; useful with port 0).</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
