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

    /// <summary>
    /// Builds and starts the server on 127.0.0.1; start failures (port taken, PostgreSQL unreachable,
    /// invalid options) become a French <see cref="SegurException"/>.
    /// </summary>
    public static WebApplication Start(WebOptions options)
    {
        WebApplication? app = null;
        try
        {
            app = Build(options);
            app.Start();
            return app;
        }
        catch (Exception e) when (e is IOException or Npgsql.NpgsqlException)
        {
            (app as IDisposable)?.Dispose();
            throw new SegurException(e switch
            {
                Npgsql.PostgresException pg => $"PostgreSQL : connexion refusée par le serveur (code SQLSTATE {pg.SqlState}) ; vérifiez l'utilisateur, le mot de passe et la base de la chaîne de connexion",
                Npgsql.NpgsqlException => "PostgreSQL : serveur injoignable ; vérifiez l'hôte et le port de la chaîne de connexion, et que PostgreSQL est démarré",
                _ when e is Microsoft.AspNetCore.Connections.AddressInUseException || e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException
                    => $"port {options.Port} : impossible d'écouter sur 127.0.0.1:{options.Port}, le port est déjà utilisé par un autre programme ; choisissez-en un autre (--port)",
                _ => $"port {options.Port} : impossible d'écouter sur 127.0.0.1:{options.Port} ({e.GetType().Name})",
            });
        }
    }

    /// <summary>Builds the application; <paramref name="configure"/> lets tests swap the server (TestServer).</summary>
    public static WebApplication Build(WebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        options.Validate();
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
            // Kestrel's limits sit above ours (ErrorResponses.RequestLimits answers 414/431 in French below them).
            k.Limits.MaxRequestLineSize = WebOptions.HardUrlBytes + 64;
            k.Limits.MaxRequestHeadersTotalSize = WebOptions.HardHeaderBytes;
            k.Limits.MaxConcurrentConnections = options.MaxConnections;
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
        s.AddSingleton<IRunStore>(_ => options.PostgresConnection is { Length: > 0 } pg ? SqlRunStore.Postgres(pg, options.Clock) : SqlRunStore.Sqlite(options.DataFolder, options.Clock));
        s.AddSingleton<ConcernePage>();
        s.AddSingleton<ArrearsPage>();
        s.AddSingleton<LegislationPages>();
        s.AddSingleton<ReformPages>();
        s.AddRateLimiter(o => Overload.Configure(o, options));
        s.AddRequestTimeouts(o =>
        {
            o.DefaultPolicy = new RequestTimeoutPolicy { Timeout = options.RequestTimeout, TimeoutStatusCode = 503 };
            o.AddPolicy("simulation", new RequestTimeoutPolicy { Timeout = options.SimulationTimeout, TimeoutStatusCode = 503 });
        });
        s.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, Api.ApiJson.Default); // the generated metadata first
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
            SecurityHeaders(ctx);
            await next();
        });
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = ErrorResponses.HandleException, StatusCodeSelector = _ => 500 });
        app.UseStatusCodePages(ErrorResponses.HandleStatus);
        app.Use(ErrorResponses.RequestLimits(options));
        // Admission before the time limit: a request's 30 s start when it leaves the queue.
        app.UseRateLimiter();
        app.UseRequestTimeouts();

        var openApi = new Lazy<Task<string>>(() => OpenApiDocumentBuilder.BuildAsync(app.Services, app.Services.GetRequiredService<LawService>().Law.Vocabulary.SchemaText, CancellationToken.None));
        app.MapGet("/api/openapi.json", async () => Results.Text(await openApi.Value, "application/json; charset=utf-8")).ExcludeFromDescription();
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
        pages.MapGet("/concerne", (HttpRequest r, ConcernePage p) => p.Handle(r)).RequireRateLimiting(Overload.Evaluation);
        pages.MapGet("/rappels", (HttpRequest r, ArrearsPage p) => p.Handle(r)).RequireRateLimiting(Overload.Evaluation);
        pages.MapGet("/legislation", (LegislationPages p) => p.Index());
        pages.MapGet("/legislation/mesures/{id}", (string id, LegislationPages p) => p.Measure(id));
        pages.MapGet("/legislation/parametres/{id}", (string id, LegislationPages p) => p.Parameter(id));
        pages.MapGet("/legislation/textes", (LegislationPages p) => p.Texts());
        pages.MapGet("/reforme", (HttpRequest r, ReformPages p) => p.Form(r));
        pages.MapGet("/reforme/telecharger", (HttpRequest r, ReformPages p) => p.Download(r));
        pages.MapPost("/reforme/preparer", (HttpRequest r, ReformPages p, CancellationToken ct) => p.Prepare(r, ct)).DisableAntiforgery().RequireRateLimiting(Overload.Evaluation);
        pages.MapPost("/reforme", (HttpRequest r, ReformPages p, CancellationToken ct) => p.Run(r, ct)).WithRequestTimeout("simulation").DisableAntiforgery().RequireRateLimiting(Overload.Simulation);
        pages.MapGet("/simulations", (ReformPages p, CancellationToken ct) => p.List(ct));
        pages.MapPost("/simulations", (HttpRequest r, ReformPages p, CancellationToken ct) => p.Save(r, ct)).WithRequestTimeout("simulation").DisableAntiforgery().RequireRateLimiting(Overload.Simulation);
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

    /// <summary>The headers of every answer, error answers included.</summary>
    internal static void SecurityHeaders(HttpContext ctx)
    {
        var h = ctx.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h["Referrer-Policy"] = "no-referrer";
        h.XFrameOptions = "DENY";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        if (!ctx.Request.Path.StartsWithSegments("/api/reference")) h.ContentSecurityPolicy = Csp;
    }

    /// <summary>The address the server listens on (after start; useful with port 0).</summary>
    public static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
}
