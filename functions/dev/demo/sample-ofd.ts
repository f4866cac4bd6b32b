import { strToU8, zipSync } from 'fflate';
import { CLAUSES, type ContractParties } from './sample-contract';

const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * The demo contract as a one-page OFD (GB/T 33190): OFD.xml, the document with an A4 page area and
 * a 宋体 font resource (not embedded: OFD readers substitute it), and one page of text objects in
 * millimetres from the top-left corner. What `seal demo --format ofd` seals.
 */
export function sampleOfdContract(parties: ContractParties): Uint8Array {
  const lines: [string, number][] = [
    ['技术服务合同', 6],
    [`甲方：${parties.partyA}`, 4],
    [`乙方：${parties.partyB}`, 4],
    ...CLAUSES.flatMap(([title, body]): [string, number][] => [[title!, 4], [body!, 3.2]]),
    ['甲方（签章）：', 4],
  ];
  let id = 10;
  let y = 20;
  const objects = lines
    .map(([text, size]) => {
      y += size * 2.2;
      const width = Math.min(170, text.length * size + 2);
      return `<ofd:TextObject ID="${id++}" Boundary="20 ${y.toFixed(1)} ${width} ${size + 2}" Font="3" Size="${size}"><ofd:TextCode X="0" Y="${size}">${escape(text)}</ofd:TextCode></ofd:TextObject>`;
    })
    .join('');
  const header = '<?xml version="1.0" encoding="UTF-8"?>';
  return zipSync({
    'OFD.xml': strToU8(
      `${header}<ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>seal-demo-contract</ofd:DocID><ofd:Creator>seal demo</ofd:Creator></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
    ),
    'Doc_0/Document.xml': strToU8(
      `${header}<ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox><ofd:ApplicationBox>0 0 210 297</ofd:ApplicationBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:MaxUnitID>${id}</ofd:MaxUnitID></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
    ),
    'Doc_0/PublicRes.xml': strToU8(`${header}<ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font FontName="宋体" FamilyName="宋体" ID="3"/></ofd:Fonts></ofd:Res>`),
    'Doc_0/Pages/Page_0/Content.xml': strToU8(`${header}<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2">${objects}</ofd:Layer></ofd:Content></ofd:Page>`),
  });
}
