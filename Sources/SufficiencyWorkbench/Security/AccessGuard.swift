import Foundation
import HTTPTypes
import Hummingbird

/// The middleware every request passes first: the `Host` check (403), the token (401), and for
/// a POST the `Origin` check (403). A request carrying the token in its address (`?token=`) is
/// answered with the token in an HttpOnly, SameSite=Strict cookie and a redirect to the same
/// address without it, so the token leaves the address bar and the browser's history.
/// Every answer carries headers that keep pages from being framed or sniffed, or from sending a
/// referrer to another site.
struct AccessGuard<Context: RequestContext>: RouterMiddleware {
    let token: AccessToken
    let hosts: HostCheck

    static var cookieName: String { "sufficiency_token" }
    static var headerName: HTTPField.Name { HTTPField.Name("X-Sufficiency-Token")! }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await checked(request, context: context, next: next)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with a
        // form's POST, which the Origin check below refuses.
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[.cacheControl] = response.headers[.cacheControl] ?? "no-store"
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        }
        return response
    }

    private func checked(_ request: Request, context: Context,
                         next: (Request, Context) async throws -> Response) async throws -> Response {
        guard hosts.allows(authority: request.head.authority) else {
            return Pages.plain(.forbidden, "This workbench answers only at its own address (the Host header was "
                               + "\(request.head.authority.map { "'\($0)'" } ?? "missing")).")
        }
        let query = request.uri.queryParameters
        if let given = query["token"] {
            guard token.matches(given), request.method == .get else {
                return Pages.plain(.unauthorized, "The token in the address is not this workbench's; open the address it printed.")
            }
            var rest = URLComponents()
            rest.queryItems = query.filter { $0.key != "token" }.map {
                URLQueryItem(name: String($0.key), value: String($0.value))
            }
            let location = request.uri.path + ((rest.queryItems?.isEmpty ?? true) ? "" : "?" + (rest.percentEncodedQuery ?? ""))
            var response = Response.redirect(to: location, type: .found)
            response.setCookie(Cookie(name: Self.cookieName, value: token.text, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        let presented = request.headers[Self.headerName].map { Substring($0) } ?? request.cookies[Self.cookieName].map { Substring($0.value) }
        guard token.matches(presented) else {
            return Pages.plain(.unauthorized, "This workbench needs its token: open the address `sufficiency serve` printed "
                               + "(http://127.0.0.1:PORT/?token=…).")
        }
        if request.method == .post, let origin = request.headers[.origin],
           !hosts.allows(origin: origin, authority: request.head.authority) {
            return Pages.plain(.forbidden, "Forms are accepted only from the workbench's own pages (the Origin was '\(origin)').")
        }
        return try await next(request, context)
    }
}
