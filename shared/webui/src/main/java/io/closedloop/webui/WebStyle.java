package io.closedloop.webui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The one stylesheet of the pages, inlined in a {@code <style>} element (no external asset to fetch on a phone), and
 * its SHA-256 hash, which the Content-Security-Policy names so that this stylesheet, and no other style, applies.
 */
public final class WebStyle {

    /** Phone first: one fluid column, system fonts, 16 px text (no zoom on focus), tap targets of at least 44 px. */
    public static final String CSS = """
            *,*::before,*::after{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
            body{margin:0;background:#f3f4f6;color:#1d2433;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
            main{max-width:44rem;margin:0 auto;padding:12px}
            h1{font-size:1.35rem;line-height:1.25;margin:8px 0 4px}
            h2{font-size:1.1rem;margin:0 0 8px}
            h3{font-size:1rem;margin:0 0 4px}
            p{margin:0 0 8px}
            a{color:#0b57d0}
            .card{background:#fff;border-radius:10px;padding:14px;margin:0 0 12px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
            .muted{color:#5b6475;font-size:.9rem}
            .chips{display:flex;flex-wrap:wrap;gap:6px;margin:4px 0 8px;padding:0;list-style:none}
            .chip{display:inline-block;border-radius:999px;padding:2px 10px;font-size:.85rem;background:#e8eaef}
            .s-OPEN{background:#fde68a}.s-IN_PROGRESS{background:#bfdbfe}.s-CLOSED{background:#bbf7d0}
            .score{display:flex;align-items:baseline;gap:8px;flex-wrap:wrap}
            .score b{font-size:2.2rem;line-height:1}
            .c-DETRACTOR{color:#b42318}.c-PASSIVE{color:#8a6100}.c-PROMOTER{color:#067647}
            .text{white-space:pre-wrap;overflow-wrap:anywhere}
            code{overflow-wrap:anywhere}
            blockquote{margin:8px 0;padding:8px 12px;border-left:4px solid #c7cbd4;background:#f8f9fb}
            dl{margin:0;display:grid;grid-template-columns:minmax(6rem,auto) 1fr;gap:4px 12px}
            dt{color:#5b6475}dd{margin:0;overflow-wrap:anywhere}
            .plain{list-style:none;margin:0;padding:0}
            .plain>li{padding:8px 0;border-top:1px solid #eceef2}
            .plain>li:first-child{border-top:0}
            .sla-overdue,.sla-late{color:#b42318;font-weight:600}.sla-due{color:#1d2433}.sla-met{color:#067647}
            .console-nav{display:flex;flex-wrap:wrap;align-items:center;gap:8px 16px;margin:0 0 8px;padding:8px 0;border-bottom:1px solid #dfe2e8}
            .inline{display:inline;margin:0}
            button.link{background:none;border:0;color:#0b57d0;text-decoration:underline;padding:0;min-height:44px;font:inherit;cursor:pointer}
            .tabs{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0;padding:0;list-style:none}
            .tab{display:inline-flex;align-items:center;gap:6px;min-height:44px;padding:0 12px;border-radius:8px;background:#e8eaef;text-decoration:none;color:#1d2433}
            .tab.current{background:#0b57d0;color:#fff}
            .count{font-size:.8rem;border-radius:999px;padding:0 6px;background:rgba(0,0,0,.12)}
            .filters .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:8px 12px;margin:8px 0}
            .queue .row-link{display:flex;flex-direction:column;gap:2px;text-decoration:none;color:inherit;min-height:44px}
            .row-head{display:flex;flex-wrap:wrap;gap:6px;align-items:center}
            .row-text{overflow-wrap:anywhere}
            .queue .row{display:flex;gap:8px;align-items:flex-start}.queue .row-link{flex:1;min-width:0}
            .pick{display:flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;margin:0}
            .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
            .bulk label{display:inline-block;margin-right:8px}
            label.check{display:flex;gap:8px;align-items:center;min-height:44px}
            .pager{display:flex;gap:16px}
            @media (min-width:1000px){main{max-width:72rem}}
            .queue .row.selected{background:#e8f0fe;border-radius:8px}.split-case{min-width:0}
            @media (min-width:1000px){main:has(.split.has-case){max-width:96rem}.split.has-case{display:grid;grid-template-columns:minmax(20rem,2fr) minmax(0,3fr);gap:20px;align-items:start}.split-case{position:sticky;top:0;max-height:100vh;overflow:auto}}
            @media (max-width:999.98px){.split.has-case>.split-list{display:none}}
            .notice{border-radius:10px;padding:12px 14px;margin:0 0 12px;font-weight:500}
            .notice-success{background:#dcfce7}.notice-error{background:#fee4e2}.notice-warning{background:#fef0c7}
            .error{color:#b42318;font-weight:600;margin:4px 0 8px}
            form{margin:0}
            fieldset{border:1px solid #dfe2e8;border-radius:8px;margin:0 0 12px;padding:10px 12px;min-width:0}
            legend{font-weight:600;padding:0 4px}
            label{display:block;font-weight:500;margin:8px 0 4px}
            label.choice{display:flex;align-items:center;gap:10px;font-weight:400;min-height:44px;margin:0}
            label.choice input{width:22px;height:22px;margin:0;flex:none}
            select,textarea,input[type=text],input[type=search],input[type=date],input[type=email],input[type=time],input[type=file]{display:block;width:100%;min-height:44px;font:inherit;padding:8px 10px;border:1px solid #b9bfca;border-radius:8px;background:#fff;color:inherit}
            textarea{min-height:88px;resize:vertical}
            .slot{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:4px 0}
            .slot input{width:auto;flex:1 1 5rem;min-width:0}
            .slot select{width:auto;flex:1 1 8rem;min-width:0}
            button.small{display:inline-block;width:auto;min-height:44px;padding:0 14px;margin:0}
            .inline-check{display:inline-flex;margin:0}
            .cond{border-left:3px solid #dfe2e8;padding:4px 0 4px 8px;margin:6px 0}.cond-add{border-left-style:dashed}
            .d1{margin-left:10px}.d2{margin-left:20px}.d3{margin-left:30px}.d4,.d5,.d6,.d7,.d8,.d9{margin-left:40px}
            .moves{display:flex;gap:6px;flex:none}.trace{margin:4px 0 4px 16px;padding:0}.trial-line>span{display:block}
            button{display:block;width:100%;min-height:48px;margin:12px 0 0;font:inherit;font-weight:600;border:0;border-radius:8px;background:#0b57d0;color:#fff;cursor:pointer}
            button.secondary{background:#e8eaef;color:#1d2433}
            button.danger{background:#b42318}
            details{margin:0 0 12px}
            details>summary{min-height:44px;padding:10px 0;font-weight:600;cursor:pointer}
            .timeline-when{color:#5b6475;font-size:.85rem}
            input[type=password]{display:block;width:100%;min-height:44px;font:inherit;padding:8px 10px;border:1px solid #b9bfca;border-radius:8px}
            dl.kpis{grid-template-columns:repeat(auto-fill,minmax(9rem,1fr));gap:8px}
            dl.kpis>div{background:#f8f9fb;border-radius:8px;padding:8px}
            dl.kpis dd{font-size:1.3rem;font-weight:600}
            table{width:100%;border-collapse:collapse;margin:0 0 12px;font-size:.95rem}
            th,td{text-align:left;padding:6px 4px;border-bottom:1px solid #eceef2}
            .scroll{overflow-x:auto}
            svg{display:block;width:100%;max-width:46rem;height:auto;margin:8px 0}
            @media (min-width:40rem){main{padding:20px}.card{padding:18px 20px}}
            """;

    /** The CSP source expression that allows exactly {@link #CSS}: {@code 'sha256-<base64>'}. */
    public static final String CSP_HASH = cspHash(CSS);

    private WebStyle() {}

    /** The CSP source expression that allows exactly this inline stylesheet. */
    public static String cspHash(String css) {
        return "'sha256-" + sha256(css) + "'";
    }

    public static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
