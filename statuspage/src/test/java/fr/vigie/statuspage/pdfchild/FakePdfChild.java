package fr.vigie.statuspage.pdfchild;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in renderer child: answers every document with a "PDF" naming its own process id and the title. */
public final class FakePdfChild {
    private FakePdfChild() {
    }

    public static void main(String[] args) throws IOException {
        DataInputStream in = new DataInputStream(System.in);
        int magic = in.readInt();
        int count = in.readInt();
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[0])))) {
            out.writeInt(magic);
            out.writeInt(count);
            for (int i = 0; i < count; i++) {
                String title = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                in.readLong();
                in.readNBytes(in.readInt());
                byte[] pdf = ("%PDF-child " + ProcessHandle.current().pid() + " " + title)
                        .getBytes(StandardCharsets.UTF_8);
                out.writeBoolean(true);
                out.writeInt(pdf.length);
                out.write(pdf);
            }
        }
    }
}
