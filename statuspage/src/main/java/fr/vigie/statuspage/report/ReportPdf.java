package fr.vigie.statuspage.report;

import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * The PDF of a report, with openhtmltopdf (XHTML + CSS to PDF over Apache PDFBox; inline SVG through Batik, with
 * scripts and external resources off). The HTML goes through jsoup first, so whatever a name contains the input
 * is a well-formed DOM. Deterministic: dates are the incident's, the file id a hash of the content.
 */
final class ReportPdf {
    private ReportPdf() {
    }

    static byte[] render(byte[] html, String title, Instant at) {
        PdfLog.install();
        org.jsoup.nodes.Document parsed = Jsoup.parse(new String(html, StandardCharsets.UTF_8));
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(parsed);
        try (PDDocument pdf = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(pdf);
            builder.useSVGDrawer(new BatikSVGDrawer(BatikSVGDrawer.SvgScriptMode.SECURE,
                    BatikSVGDrawer.SvgExternalResourceMode.SECURE));
            // No network, no file: every resource a report needs is inline.
            builder.useUriResolver((base, uri) -> null);
            builder.withW3cDocument(dom, "about:blank");
            builder.withProducer("Vigie");
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.createPDFWithoutClosing();
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle(title);
            info.setProducer("Vigie (openhtmltopdf, Apache PDFBox)");
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTimeInMillis(at.toEpochMilli());
            info.setCreationDate(when);
            info.setModificationDate(when);
            pdf.setDocumentInformation(info);
            byte[] id = digest(html);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("report PDF " + title, e);
        }
    }

    private static byte[] digest(byte[] content) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(content);
            return java.util.Arrays.copyOf(sha, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
