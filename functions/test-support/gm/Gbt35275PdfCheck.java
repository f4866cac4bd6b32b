// An independent check of the SM2 signatures in a PDF, with Bouncy Castle (Debian's libbcprov-java)
// and nothing of the platform: run as `java -cp /usr/share/java/bcprov.jar Gbt35275PdfCheck.java x.pdf`.
// For every signature dictionary (/ByteRange) it prints one JSON line saying what it found and
// whether the signature is a valid GB/T 35275 SM2 SignedData over the signed byte ranges:
// ContentInfo type 1.2.156.10197.6.1.4.2.2, content type 1.2.156.10197.6.1.4.2.1, SM3 digest
// (1.2.156.10197.1.401) of the ranges in message-digest, content-type attribute = the content type,
// and an SM2 signature (1.2.156.10197.1.501, or sm2-1 1.2.156.10197.1.301.1) over the DER SET OF
// signed attributes with the distinguishing ID 1234567812345678, by the carried certificate the
// signer identifier names. Bouncy Castle's PKCS #7 classes read it: GB/T 35275 has PKCS #7's structure
// (contentInfo, authenticatedAttributes, digestEncryptionAlgorithm). Decision 0180.
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.IssuerAndSerialNumber;
import org.bouncycastle.asn1.pkcs.SignedData;
import org.bouncycastle.asn1.pkcs.SignerInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

public class Gbt35275PdfCheck {
  static final String GM_SIGNED_DATA = "1.2.156.10197.6.1.4.2.2";
  static final String GM_DATA = "1.2.156.10197.6.1.4.2.1";
  static final String SM3 = "1.2.156.10197.1.401";
  static final List<String> SM2_SIGNATURE = List.of("1.2.156.10197.1.501", "1.2.156.10197.1.301.1");
  static final String CONTENT_TYPE = "1.2.840.113549.1.9.3";
  static final String MESSAGE_DIGEST = "1.2.840.113549.1.9.4";
  static final byte[] DISTINGUISHING_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

  public static void main(String[] args) throws Exception {
    Security.addProvider(new BouncyCastleProvider());
    byte[] pdf = Files.readAllBytes(Path.of(args[0]));
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher m = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]").matcher(text);
    while (m.find()) {
      long[] r = {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
      System.out.println(check(pdf, text, m.start(), r));
    }
  }

  static String check(byte[] pdf, String text, int at, long[] r) {
    List<String> problems = new ArrayList<>();
    String subFilter = subFilterAround(text, at);
    StringBuilder out = new StringBuilder("{\"subFilter\":" + quote(subFilter));
    try {
      if (r[0] != 0 || r[0] + r[1] > r[2] || r[2] + r[3] > pdf.length) throw new IllegalArgumentException("byte range outside the file");
      String hex = text.substring((int) (r[0] + r[1]), (int) r[2]).trim();
      if (!hex.startsWith("<") || !hex.endsWith(">")) throw new IllegalArgumentException("/Contents is not a hex string between the ranges");
      byte[] der = hexToBytes(hex.substring(1, hex.length() - 1));
      ASN1Primitive top;
      try (ASN1InputStream in = new ASN1InputStream(der)) {
        top = in.readObject(); // the zero padding after the ContentInfo is not read
      }
      ContentInfo contentInfo = ContentInfo.getInstance(top);
      SignedData signedData = SignedData.getInstance(contentInfo.getContent());
      String eContentType = signedData.getContentInfo().getContentType().getId();
      out.append(",\"contentInfoType\":").append(quote(contentInfo.getContentType().getId()));
      out.append(",\"contentType\":").append(quote(eContentType));
      if (!GM_SIGNED_DATA.equals(contentInfo.getContentType().getId())) problems.add("ContentInfo is not GB/T 35275 signedData");
      if (!GM_DATA.equals(eContentType)) problems.add("content type is not GB/T 35275 data");
      if (signedData.getContentInfo().getContent() != null) problems.add("not detached");
      if (signedData.getSignerInfos().size() != 1) throw new IllegalArgumentException("expected one SignerInfo");
      SignerInfo signer = SignerInfo.getInstance(signedData.getSignerInfos().getObjectAt(0));
      String digestOid = signer.getDigestAlgorithm().getAlgorithm().getId();
      String signatureOid = signer.getDigestEncryptionAlgorithm().getAlgorithm().getId();
      out.append(",\"digestAlgorithm\":").append(quote(digestOid)).append(",\"signatureAlgorithm\":").append(quote(signatureOid));
      if (!SM3.equals(digestOid)) problems.add("digest algorithm is not SM3");
      if (!SM2_SIGNATURE.contains(signatureOid)) problems.add("signature algorithm is not SM2");
      for (Enumeration<?> e = signedData.getDigestAlgorithms().getObjects(); e.hasMoreElements();) {
        if (!SM3.equals(AlgorithmIdentifier.getInstance(e.nextElement()).getAlgorithm().getId())) problems.add("digestAlgorithms names other than SM3");
      }

      SM3Digest sm3 = new SM3Digest();
      sm3.update(pdf, (int) r[0], (int) r[1]);
      sm3.update(pdf, (int) r[2], (int) r[3]);
      byte[] digest = new byte[32];
      sm3.doFinal(digest, 0);

      ASN1Set signedAttributes = signer.getAuthenticatedAttributes();
      if (signedAttributes == null) throw new IllegalArgumentException("no signed attributes");
      byte[] messageDigest = null;
      String contentTypeAttribute = null;
      for (Enumeration<?> e = signedAttributes.getObjects(); e.hasMoreElements();) {
        Attribute attribute = Attribute.getInstance(e.nextElement());
        ASN1Encodable value = attribute.getAttrValues().getObjectAt(0);
        if (MESSAGE_DIGEST.equals(attribute.getAttrType().getId())) messageDigest = ASN1OctetString.getInstance(value).getOctets();
        if (CONTENT_TYPE.equals(attribute.getAttrType().getId())) contentTypeAttribute = ASN1ObjectIdentifier.getInstance(value).getId();
      }
      boolean digestMatches = messageDigest != null && Arrays.equals(messageDigest, digest);
      out.append(",\"digestMatches\":").append(digestMatches);
      if (!digestMatches) problems.add("message-digest is not the SM3 digest of the byte ranges");
      if (!eContentType.equals(contentTypeAttribute)) problems.add("content-type attribute does not name the content type");

      IssuerAndSerialNumber sid = signer.getIssuerAndSerialNumber();
      Certificate certificate = null;
      if (signedData.getCertificates() != null) {
        for (Enumeration<?> e = signedData.getCertificates().getObjects(); e.hasMoreElements();) {
          Certificate candidate = Certificate.getInstance(e.nextElement());
          if (candidate.getIssuer().equals(sid.getName()) && candidate.getSerialNumber().equals(sid.getCertificateSerialNumber())) certificate = candidate;
        }
      }
      if (certificate == null) throw new IllegalArgumentException("the signer's certificate is not carried");
      out.append(",\"signer\":").append(quote(certificate.getSubject().toString()));
      PublicKey key = KeyFactory.getInstance("EC", "BC").generatePublic(new X509EncodedKeySpec(certificate.getSubjectPublicKeyInfo().getEncoded()));
      Signature sm2 = Signature.getInstance("SM3withSM2", "BC");
      sm2.setParameter(new SM2ParameterSpec(DISTINGUISHING_ID));
      sm2.initVerify(key);
      sm2.update(signedAttributes.getEncoded(ASN1Encoding.DER));
      boolean signatureValid = sm2.verify(signer.getEncryptedDigest().getOctets());
      out.append(",\"signatureValid\":").append(signatureValid);
      if (!signatureValid) problems.add("SM2 signature does not verify");
    } catch (Exception e) {
      problems.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    out.append(",\"valid\":").append(problems.isEmpty()).append(",\"problems\":[");
    for (int i = 0; i < problems.size(); i++) out.append(i > 0 ? "," : "").append(quote(problems.get(i)));
    return out.append("]}").toString();
  }

  /** The /SubFilter of the object the /ByteRange is in. */
  static String subFilterAround(String text, int at) {
    int start = text.lastIndexOf(" obj", at);
    int end = text.indexOf("endobj", at);
    if (start < 0 || end < 0) return null;
    Matcher m = Pattern.compile("/SubFilter\\s*/([A-Za-z0-9.#_-]+)").matcher(text.substring(start, end));
    return m.find() ? m.group(1) : null;
  }

  static byte[] hexToBytes(String hex) {
    String digits = hex.replaceAll("\\s", "");
    ByteArrayOutputStream out = new ByteArrayOutputStream(digits.length() / 2);
    for (int i = 0; i + 1 < digits.length(); i += 2) out.write(Integer.parseInt(digits.substring(i, i + 2), 16));
    return out.toByteArray();
  }

  static String quote(String s) {
    if (s == null) return "null";
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
